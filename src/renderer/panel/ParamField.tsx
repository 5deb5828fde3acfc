/**
 * The frame every control shares: label, book section, one-line help, the reason it is disabled
 * (on hover, as title) and the inline error, wired to the inputs through aria-describedby.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyOf } from '../../shared/i18n';

export interface ParamFieldProps {
  /** Base id; the input gets `${id}`, help `${id}-help`, error `${id}-error`. */
  id: string;
  label: string;
  help: string;
  section?: string;
  /** i18n key of why the control does not apply, or null. */
  disabledReason?: KeyOf<'why'> | null;
  error?: string | null;
  children: ReactNode;
}

/** Ids of the help and error texts, for aria-describedby. */
export function describedBy(id: string, hasError: boolean): string {
  return hasError ? `${id}-error ${id}-help` : `${id}-help`;
}

/** A labelled control row. */
export function ParamField({ id, label, help, section, disabledReason, error, children }: ParamFieldProps) {
  const { t } = useTranslation();
  const reason = disabledReason ? t(disabledReason) : undefined;
  return (
    <div
      className={`param${reason ? ' param--disabled' : ''}${error ? ' param--invalid' : ''}`}
      title={reason}
    >
      <div className="param__head">
        <label htmlFor={id} className="param__label">
          {label}
        </label>
        {section && <span className="param__section">{t('panel.section', { section })}</span>}
      </div>
      <div className="param__body">{children}</div>
      {error && (
        <p id={`${id}-error`} className="param__error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-help`} className="param__help">
        {help}
        {reason && <span className="param__why"> — {reason}</span>}
      </p>
    </div>
  );
}
