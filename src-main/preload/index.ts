import { contextBridge, ipcRenderer } from 'electron';
import { BEFORE_QUIT_EVENT, buildBridge, type StillpointEvents } from '../../src-shared/ipc';

// The renderer's only way out: one frozen object, one method per channel of the table.
// No ipcRenderer, no event objects and no Node values ever reach the page.
contextBridge.exposeInMainWorld(
  'stillpoint',
  buildBridge((channelName, request) => ipcRenderer.invoke(channelName, request)),
);

// What main tells the page: only "about to quit", with no event object or payload attached.
const events: StillpointEvents = {
  onBeforeQuit(listener) {
    const handler = () => listener();
    ipcRenderer.on(BEFORE_QUIT_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(BEFORE_QUIT_EVENT, handler);
    };
  },
};
contextBridge.exposeInMainWorld('stillpointEvents', Object.freeze(events));
