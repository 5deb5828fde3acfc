/**
 * The app-menu actions (defined with the shell's contract in src/shared/shell.ts) and the IPC
 * channels (src/shared/lab-channels.ts), for main's side.
 */
export { MENU_ACTIONS, type MenuAction } from '../../shared/shell';
export {
  EVENT_CHANNEL,
  MENU_CHANNEL,
  SHELL_LANGUAGE_CHANNEL,
  methodChannel,
} from '../../shared/lab-channels';
