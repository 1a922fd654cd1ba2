// The browser's RTCPeerConnection, forwarded to C#: one function per W3C verb, one event callback per W3C event.
// It decides nothing: the engine (C#) owns negotiation, restarts and teardown. Each verb's async failure is reported as
// a failed operation; negotiationneeded is not listened to, since the engine negotiates.

let events = null;
const connections = new Map();

const key = (peer, generation) => `${peer}#${generation}`;

/** Binds the C# event receivers (the exports of Reconnect.Browser.Interop.MediaEvents). */
export function bind(receivers) {
  events = receivers;
}

function find(peer, generation) {
  return connections.get(key(peer, generation)) ?? null;
}

// Verbs run one after another per connection, in the order the engine issued them (as the W3C operations chain would
// for the verbs that are on it): a verb never overtakes one issued before it.
function run(peer, generation, operation, action) {
  const entry = find(peer, generation);
  if (!entry) {
    return;
  }
  entry.chain = entry.chain
    .then(() => action(entry))
    .catch((error) => {
      if (connections.get(key(peer, generation)) === entry) {
        events.OnOperationFailed(peer, generation, operation, String(error?.message ?? error));
      }
    });
}

export function createConnection(peer, generation, iceServersJson, relayOnly) {
  const pc = new RTCPeerConnection({
    iceServers: JSON.parse(iceServersJson),
    iceTransportPolicy: relayOnly ? 'relay' : 'all',
  });
  const entry = { pc, chain: Promise.resolve(), remoteSet: false, pending: [], senders: new Map(), channels: new Map() };
  connections.set(key(peer, generation), entry);
  const live = () => connections.get(key(peer, generation)) === entry;
  pc.onicecandidate = (e) => {
    if (e.candidate && e.candidate.candidate && live()) {
      events.OnLocalCandidate(peer, generation, e.candidate.candidate, e.candidate.sdpMid ?? '', e.candidate.sdpMLineIndex ?? -1);
    }
  };
  pc.oniceconnectionstatechange = () => live() && events.OnIceConnectionState(peer, generation, pc.iceConnectionState);
  pc.onconnectionstatechange = () => live() && events.OnConnectionState(peer, generation, pc.connectionState);
  pc.ontrack = (e) => {
    for (const stream of e.streams) {
      if (live()) {
        events.OnRemoteStream(peer, generation, stream.id, stream);
      }
    }
  };
}

export function createOffer(peer, generation) {
  run(peer, generation, 'CreateOffer', async ({ pc }) => {
    const offer = await pc.createOffer();
    events.OnDescriptionCreated(peer, generation, offer.type, offer.sdp);
  });
}

export function createAnswer(peer, generation) {
  run(peer, generation, 'CreateAnswer', async ({ pc }) => {
    const answer = await pc.createAnswer();
    events.OnDescriptionCreated(peer, generation, answer.type, answer.sdp);
  });
}

export function setLocalDescription(peer, generation, type, sdp) {
  run(peer, generation, 'SetLocalDescription', async ({ pc }) => {
    await pc.setLocalDescription({ type, sdp });
    events.OnLocalDescriptionApplied(peer, generation, type, sdp);
  });
}

export function setRemoteDescription(peer, generation, type, sdp) {
  run(peer, generation, 'SetRemoteDescription', async (entry) => {
    const { pc } = entry;
    if (type === 'offer' && pc.signalingState === 'have-local-offer') {
      await pc.setLocalDescription({ type: 'rollback' });
    }
    await pc.setRemoteDescription({ type, sdp });
    entry.remoteSet = true;
    const queued = entry.pending.splice(0);
    for (const candidate of queued) {
      await pc.addIceCandidate(candidate);
    }
  });
}

export function addIceCandidate(peer, generation, candidate, sdpMid, sdpMLineIndex) {
  const init = { candidate, sdpMid: sdpMid || null, sdpMLineIndex: sdpMLineIndex < 0 ? null : sdpMLineIndex };
  run(peer, generation, 'AddIceCandidate', async (entry) => {
    if (!entry.remoteSet) {
      entry.pending.push(init);
      return;
    }
    await entry.pc.addIceCandidate(init);
  });
}

export function restartIce(peer, generation) {
  run(peer, generation, 'RestartIce', ({ pc }) => pc.restartIce());
}

export function addStream(peer, generation, streamId, stream) {
  run(peer, generation, 'AttachLocalStream', ({ pc, senders }) => {
    senders.set(streamId, stream.getTracks().map((track) => pc.addTrack(track, stream)));
  });
}

export function removeStream(peer, generation, streamId) {
  run(peer, generation, 'DetachLocalStream', ({ pc, senders }) => {
    for (const sender of senders.get(streamId) ?? []) {
      pc.removeTrack(sender);
    }
    senders.delete(streamId);
  });
}

export function replaceTrack(peer, generation, streamId, trackId, stream) {
  run(peer, generation, 'ReplaceTrack', async ({ senders }) => {
    const track = stream.getTracks().find((t) => t.id === trackId);
    const sender = (senders.get(streamId) ?? []).find((s) => s.track?.kind === track?.kind);
    if (!track || !sender) {
      throw new Error(`no ${track ? track.kind : 'track ' + trackId} sender for stream ${streamId}`);
    }
    await sender.replaceTrack(track);
  });
}

export function createDataChannel(peer, generation, label, id, ordered, maxRetransmits, maxPacketLifeTime) {
  const entry = find(peer, generation);
  if (!entry) {
    return;
  }
  try {
    const { pc, channels } = entry;
    const init = { negotiated: true, id, ordered };
    if (maxRetransmits >= 0) init.maxRetransmits = maxRetransmits;
    if (maxPacketLifeTime >= 0) init.maxPacketLifeTime = maxPacketLifeTime;
    const channel = pc.createDataChannel(label, init);
    channel.binaryType = 'arraybuffer';
    channels.set(label, channel);
    const live = () => find(peer, generation)?.channels.get(label) === channel;
    channel.onopen = () => live() && events.OnDataChannelOpened(peer, generation, label);
    channel.onclose = () => live() && events.OnDataChannelClosed(peer, generation, label);
    channel.onmessage = (e) => live() && events.OnDataReceived(peer, generation, label, new Uint8Array(e.data));
  } catch {
    // A channel that cannot be created is a channel closed: the engine queues its sends until one opens.
    events.OnDataChannelClosed(peer, generation, label);
  }
}

/** Sends on an open channel; false when the channel is gone or no longer open (the engine is then told it closed). */
export function sendData(peer, generation, label, payload) {
  const channel = find(peer, generation)?.channels.get(label);
  if (!channel || channel.readyState !== 'open') {
    return false;
  }
  channel.send(payload.slice());
  return true;
}

export function close(peer, generation) {
  const entry = find(peer, generation);
  if (entry) {
    connections.delete(key(peer, generation));
    entry.pc.close();
  }
}

/** The counters of one connection's getStats(), summed over its RTP streams, as JSON; null when it is gone. */
export async function readStats(peer, generation) {
  const entry = find(peer, generation);
  if (!entry) {
    return null;
  }
  const stats = {
    framesDecoded: 0, framesReceived: 0, bytesReceived: 0, framesSent: 0, bytesSent: 0,
    iceConnectionState: entry.pc.iceConnectionState, connectionState: entry.pc.connectionState, selectedCandidateType: null,
  };
  const report = await entry.pc.getStats();
  let pairId = null;
  report.forEach((s) => {
    if (s.type === 'inbound-rtp') {
      stats.framesDecoded += s.framesDecoded ?? 0;
      stats.framesReceived += s.framesReceived ?? 0;
      stats.bytesReceived += s.bytesReceived ?? 0;
    } else if (s.type === 'outbound-rtp') {
      stats.framesSent += s.framesSent ?? 0;
      stats.bytesSent += s.bytesSent ?? 0;
    } else if (s.type === 'transport' && s.selectedCandidatePairId) {
      pairId = s.selectedCandidatePairId;
    }
  });
  const pair = pairId ? report.get(pairId) : null;
  const local = pair ? report.get(pair.localCandidateId) : null;
  stats.selectedCandidateType = local?.candidateType ?? null;
  return JSON.stringify(stats);
}

/** The local camera and microphone (the fake devices under test flags). */
export function openCamera() {
  return navigator.mediaDevices.getUserMedia({ video: true, audio: true });
}

export function streamId(stream) {
  return stream.id;
}
