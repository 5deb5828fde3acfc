/**
 * Keyboard shortcuts: Space pause/resume, Enter train, S step, Esc stop, ? or F1 help. Ignored while
 * the user types in a field, and while a button has focus for Space/Enter (the button's own action).
 */
import { useEffect } from 'react';
import { useCommands } from '../labContext';
import { useLabStoreApi } from '../store';
import { isConfigValid } from '../store/configSlice';

/** True when the key press belongs to a text field, select or editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Install the shortcuts on window for the component's lifetime. */
export function useShortcuts(): void {
  const commands = useCommands();
  const store = useLabStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = store.getState();
      if (e.key === 'F1' || (e.key === '?' && !isTypingTarget(e.target))) {
        e.preventDefault();
        s.setHelpOpen(true);
        return;
      }
      if (s.helpOpen) {
        if (e.key === 'Escape') s.setHelpOpen(false);
        return;
      }
      if (isTypingTarget(e.target)) return;
      if (s.area === 'labs') return; // the book's Labs have no run to train, pause or stop
      const onButton =
        e.target instanceof HTMLElement && (e.target.tagName === 'BUTTON' || e.target.tagName === 'A');
      const state = s.selectedRunId ? s.runs[s.selectedRunId]?.state : undefined;
      if (e.key === ' ' && !onButton) {
        e.preventDefault();
        if (state === 'training') void commands.pause();
        else if (state === 'paused' || state === 'imported') void commands.resume();
      } else if (e.key === 'Enter' && !onButton) {
        e.preventDefault();
        if (isConfigValid(s)) void commands.train();
      } else if (e.key === 's' || e.key === 'S') {
        if (state === 'paused' || state === 'imported') void commands.step();
      } else if (e.key === 'Escape') {
        if (state === 'training' || state === 'paused' || state === 'starting') void commands.stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, store]);
}
