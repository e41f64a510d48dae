// Pushes change events to every open window so grids and counts refresh, whatever caused the
// change: this window, another window, the CLI, or the expiry timer.
import type { WebContents } from 'electron';
import { CHANGE_EVENT_CHANNEL, type ChangeEvent } from '../../shared/contract';

export function changeBroadcaster(appWebContents: () => readonly WebContents[]): (event: ChangeEvent) => void {
  return (event) => {
    for (const contents of appWebContents()) {
      if (!contents.isDestroyed()) contents.send(CHANGE_EVENT_CHANNEL, event);
    }
  };
}
