/**
 * "Import weights…": on the desktop main opens its own file dialog (lab.chooseWeightsFile); in the
 * browser a hidden <input type="file"> hands the chosen file's bytes to lab.openWeights. Either
 * way the preview opens the import dialog, and an error goes to the notices.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../bridge';
import { useCommands } from '../labContext';

/** The button (and, in a browser, its file input). */
export function ImportWeightsButton() {
  const { t } = useTranslation();
  const commands = useCommands();
  const inputRef = useRef<HTMLInputElement>(null);
  const desktop = isDesktop();
  return (
    <>
      <button
        type="button"
        className="runs__import"
        onClick={() => (desktop ? void commands.chooseWeightsFile() : inputRef.current?.click())}
      >
        {t('runs.importWeights')}
      </button>
      {!desktop && (
        <input
          ref={inputRef}
          type="file"
          accept=".npz,.pkl,.json"
          hidden
          data-testid="import-weights-file"
          aria-label={t('runs.importWeights')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again
            if (file) void commands.openWeightsFile(file);
          }}
        />
      )}
    </>
  );
}
