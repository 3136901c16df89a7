import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../src-shared/ipc';

// The renderer's only way out: one frozen object, one method per channel of the table.
// No ipcRenderer, no event objects and no Node values ever reach the page.
contextBridge.exposeInMainWorld(
  'stillpoint',
  buildBridge((channelName, request) => ipcRenderer.invoke(channelName, request)),
);
