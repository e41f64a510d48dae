// The preload: exposes exactly the contract's channels on window.api, plus onChange for the change
// events main pushes. The page never sees ipcRenderer or an IPC event object. Bundled as one
// CommonJS file (zod and the contract included) because sandboxed preloads cannot require files.
import { contextBridge, ipcRenderer } from 'electron';
import { buildWindowApi } from './window-api';

contextBridge.exposeInMainWorld('api', buildWindowApi(ipcRenderer));
