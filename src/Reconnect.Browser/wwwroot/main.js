// The call page's DOM: it renders what C# tells it and forwards clicks and page-lifecycle events. Every decision is C#'s.
import { dotnet } from './_framework/dotnet.js';
import * as media from './reconnect-media.js';

const $ = (selector) => document.querySelector(selector);
const peerElement = (peerId) => document.querySelector(`.peer[data-peer-id="${CSS.escape(peerId)}"]`);

const render = {
  query: () => window.location.search,
  origin: () => window.location.origin,
  connectionType: () => navigator.connection?.type ?? '',
  setReady: () => { window.reconnectCall.ready = true; },
  setRoom: (room) => { $('#room').value = room; },
  setControls: (join, leave, close) => {
    $('#join').disabled = !join;
    $('#leave').disabled = !leave;
    $('#close').disabled = !close;
  },
  setLocalState: (state) => { $('#local-state').textContent = state; },
  setLocalVideo: (stream) => { $('#local-video').srcObject = stream; },
  upsertPeer: (peerId, name, state) => {
    let element = peerElement(peerId);
    if (!element) {
      element = document.createElement('figure');
      element.className = 'peer';
      element.dataset.peerId = peerId;
      element.innerHTML = '<div class="videos"></div><figcaption><span class="name"></span> <span class="state"></span></figcaption>';
      $('#peers').append(element);
    }
    element.dataset.state = state;
    element.querySelector('.name').textContent = name;
    element.querySelector('.state').textContent = state;
  },
  removePeer: (peerId) => peerElement(peerId)?.remove(),
  bindVideo: (peerId, streamId, stream) => {
    const element = peerElement(peerId);
    if (!element) return;
    let video = element.querySelector(`video[data-stream-id="${CSS.escape(streamId)}"]`);
    if (!video) {
      video = document.createElement('video');
      video.dataset.streamId = streamId;
      video.autoplay = true;
      video.muted = true;
      video.playsInline = true;
      element.querySelector('.videos').append(video);
    }
    if (video.srcObject !== stream) video.srcObject = stream;
  },
  removeVideo: (peerId, streamId) => peerElement(peerId)?.querySelector(`video[data-stream-id="${CSS.escape(streamId)}"]`)?.remove(),
  appendEvent: (text) => {
    const item = document.createElement('li');
    item.textContent = text;
    const log = $('#event-log');
    log.append(item);
    log.parentElement.scrollTop = log.parentElement.scrollHeight;
  },
  setBanner: (visible) => { $('#still-reconnecting').hidden = !visible; },
};

window.reconnectCall = { ready: false };

const { setModuleImports, getAssemblyExports, getConfig, runMain } = await dotnet.create();
setModuleImports('main.js', render);
setModuleImports('reconnect-media.js', media);
const exports = await getAssemblyExports(getConfig().mainAssemblyName);
media.bind(exports.Reconnect.Browser.Interop.MediaEvents);
const page = exports.Reconnect.Browser.Page.CallPageExports;

Object.assign(window.reconnectCall, {
  localPeerId: () => page.LocalPeerId(),
  localState: () => page.LocalState(),
  policy: () => page.Policy(),
  remotePeers: () => JSON.parse(page.RemotePeers()),
  stats: async () => JSON.parse(await page.Stats()),
  trace: () => JSON.parse(page.Trace()),
  violations: () => JSON.parse(page.Violations()),
  events: () => JSON.parse(page.Events()),
  retryNow: () => page.RetryNow(),
  send: (peerId, text) => page.Send(peerId, text),
  received: () => JSON.parse(page.Received()),
  leave: () => page.Leave(),
  close: () => page.Close(),
});

$('#join').addEventListener('click', () => page.Join($('#room').value));
$('#leave').addEventListener('click', () => page.Leave());
$('#close').addEventListener('click', () => page.Close());
$('#retry-now').addEventListener('click', () => page.RetryNow());
window.addEventListener('online', () => page.NetworkChanged('online'));
window.addEventListener('offline', () => page.NetworkChanged('offline'));
navigator.connection?.addEventListener('change', () => page.ConnectionIs(navigator.connection.type ?? ''));
document.addEventListener('visibilitychange', () => page.LifecycleChanged(document.visibilityState));
document.addEventListener('freeze', () => page.LifecycleChanged('freeze'));
document.addEventListener('resume', () => page.LifecycleChanged('resume'));
window.addEventListener('pagehide', (event) => page.PageHidden(event.persisted));

await runMain();
