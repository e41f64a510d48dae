// Loads a built main bundle (out/main/index.js) under plain Node with `electron` replaced by a
// recording stub, lets it start, and prints what it did as one JSON line on stdout.
// Usage: node electron-main-harness.cjs BUNDLE   (env: HARNESS_APP_DATA, HARNESS_RESOURCES,
// HARNESS_PACKAGED=1, HARNESS_APP_PATH, HARNESS_PROTOCOL_PROBES: a JSON list of URLs the registered
// protocol handlers are asked for, answers reported in protocolAnswers)
const Module = require('node:module');
const path = require('node:path');

const report = {
  windows: [],
  loads: [],
  handlers: [],
  dialogs: [],
  quit: false,
  singleInstanceLock: false,
  sandboxEnabled: false,
  menu: null,
  csp: null,
  permissionRequestAnswer: null,
  permissionCheckAnswer: null,
  appName: null,
  userData: null,
  appEvents: [],
  /** In call order: 'privileged:<scheme>', 'ready', 'handle:<scheme>'. */
  protocolCalls: [],
  privilegedSchemes: [],
  protocolAnswers: [],
};
const probes = JSON.parse(process.env.HARNESS_PROTOCOL_PROBES || '[]');
const pendingAnswers = [];
const appData = process.env.HARNESS_APP_DATA;
let userData = path.join(appData, 'Electron');
let finish;
const done = new Promise((resolve) => (finish = resolve));

class EventHost {
  constructor() {
    this.listeners = {};
  }
  on(name, fn) {
    (this.listeners[name] ??= []).push(fn);
    return this;
  }
  once(name, fn) {
    return this.on(name, fn);
  }
}

const session = {
  webRequest: {
    onHeadersReceived(fn) {
      fn({ responseHeaders: { 'x-test': ['1'] } }, (answer) => {
        report.csp = answer.responseHeaders['Content-Security-Policy'];
      });
    },
  },
  setPermissionRequestHandler(fn) {
    fn(null, 'media', (allowed) => {
      report.permissionRequestAnswer = allowed;
    });
  },
  setPermissionCheckHandler(fn) {
    report.permissionCheckAnswer = fn(null, 'notifications');
  },
};

class BrowserWindow extends EventHost {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  constructor(options) {
    super();
    report.windows.push(options);
    this.webContents = Object.assign(new EventHost(), { send() {}, isDestroyed: () => false, setWindowOpenHandler() {} });
    BrowserWindow.all.push(this);
    setTimeout(finish, 100);
  }
  loadURL(url) {
    report.loads.push({ url });
    return Promise.resolve();
  }
  loadFile(file) {
    report.loads.push({ file });
    return Promise.resolve();
  }
  maximize() {}
  show() {}
}

const app = Object.assign(new EventHost(), {
  isPackaged: process.env.HARNESS_PACKAGED === '1',
  setName(name) {
    report.appName = name;
  },
  getPath(name) {
    return name === 'userData' ? userData : appData;
  },
  setPath(name, value) {
    if (name === 'userData') userData = report.userData = value;
  },
  getAppPath() {
    return process.env.HARNESS_APP_PATH;
  },
  enableSandbox() {
    report.sandboxEnabled = true;
  },
  requestSingleInstanceLock() {
    report.singleInstanceLock = true;
    return true;
  },
  whenReady() {
    report.protocolCalls.push('ready');
    return Promise.resolve();
  },
  quit() {
    report.quit = true;
    setTimeout(finish, 50);
  },
});
const originalOn = app.on.bind(app);
app.on = (name, fn) => {
  report.appEvents.push(name);
  return originalOn(name, fn);
};

const protocol = {
  registerSchemesAsPrivileged(schemes) {
    for (const scheme of schemes) {
      report.protocolCalls.push(`privileged:${scheme.scheme}`);
      report.privilegedSchemes.push(scheme);
    }
  },
  handle(scheme, handler) {
    report.protocolCalls.push(`handle:${scheme}`);
    for (const url of probes.filter((probe) => probe.startsWith(`${scheme}:`))) {
      pendingAnswers.push(
        Promise.resolve(handler(new Request(url))).then(async (response) => {
          report.protocolAnswers.push({
            url,
            status: response.status,
            contentType: response.headers.get('content-type'),
            csp: response.headers.get('content-security-policy'),
            body: await response.text(),
          });
        }),
      );
    }
  },
};

const electron = {
  app,
  protocol,
  BrowserWindow,
  session: { defaultSession: session },
  ipcMain: {
    handle(channel) {
      report.handlers.push(channel);
    },
    removeHandler() {},
  },
  Menu: {
    buildFromTemplate: (template) => template,
    setApplicationMenu(menu) {
      report.menu = menu.map((item) => item.role ?? item.label);
    },
  },
  dialog: {
    showErrorBox(title, content) {
      report.dialogs.push({ title, content });
    },
  },
  shell: { openExternal: async () => {} },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
};

const originalLoad = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'electron') return electron;
  return originalLoad.call(this, request, ...rest);
};
if (process.env.HARNESS_RESOURCES) process.resourcesPath = process.env.HARNESS_RESOURCES;
delete process.env.NUMBER_INVENTORY_DB;
delete process.env.ELECTRON_RENDERER_URL;

require(path.resolve(process.argv[2]));
setTimeout(finish, 5000);
done.then(async () => {
  await Promise.all(pendingAnswers);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
});
