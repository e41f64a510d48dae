// Only the app's own page, in the main frame of one of the app's own windows, may call the core.
// An iframe, a page the window was somehow navigated to, or any other webContents is refused.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl, type RendererLocation } from './renderer-location';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function trustedSenderCheck(location: RendererLocation, appWebContents: () => readonly WebContents[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (!appWebContents().includes(event.sender)) return false;
    const main = event.sender.mainFrame;
    // The same frame, by object or (should Electron hand out another wrapper) by its ids.
    const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
    if (!isMainFrame || frame.parent !== null) return false;
    return isAppUrl(frame.url, location);
  };
}
