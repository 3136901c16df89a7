import { contextBridge, ipcRenderer } from 'electron';
import {
  BEFORE_QUIT_EVENT,
  buildBridge,
  NAVIGATE_EVENT,
  NavigateDirectionSchema,
  type StillpointEvents,
} from '../../src-shared/ipc';

// The renderer's only way out: one frozen object, one method per channel of the table.
// No ipcRenderer, no event objects and no Node values ever reach the page.
contextBridge.exposeInMainWorld(
  'stillpoint',
  buildBridge((channelName, request) => ipcRenderer.invoke(channelName, request)),
);

// What main tells the page: "about to quit" (no payload) and "go back/forward" (a direction,
// checked here). No event object ever reaches the page.
const events: StillpointEvents = {
  onNavigate(listener) {
    const handler = (_event: unknown, payload: unknown) => {
      const direction = NavigateDirectionSchema.safeParse(payload);
      if (direction.success) listener(direction.data);
    };
    ipcRenderer.on(NAVIGATE_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(NAVIGATE_EVENT, handler);
    };
  },
  onBeforeQuit(listener) {
    const handler = () => listener();
    ipcRenderer.on(BEFORE_QUIT_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(BEFORE_QUIT_EVENT, handler);
    };
  },
};
contextBridge.exposeInMainWorld('stillpointEvents', Object.freeze(events));
