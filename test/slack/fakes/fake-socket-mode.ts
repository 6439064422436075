// A loopback stand-in for Slack's Socket Mode endpoint: the fake Web API's
// apps.connections.open hands out this server's ws:// URL; on connection it
// says hello, then sends envelopes and reads the acks that come back.
import { WebSocketServer, type WebSocket } from "ws";
import type { AddressInfo } from "node:net";

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSocketMode {
  readonly acks: Ack[] = [];
  private wss?: WebSocketServer;
  private socket?: WebSocket;
  private connected?: () => void;
  private readonly ready: Promise<void>;
  private ackWaiters = new Map<string, (a: Ack) => void>();
  private n = 0;

  constructor() {
    this.ready = new Promise((resolve) => { this.connected = resolve; });
  }

  async start(): Promise<void> {
    this.wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => this.wss!.once("listening", () => resolve()));
    this.wss.on("connection", (ws) => {
      this.socket = ws;
      ws.on("message", (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        this.acks.push(ack);
        this.ackWaiters.get(ack.envelope_id)?.(ack);
        this.ackWaiters.delete(ack.envelope_id);
      });
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake", approximate_connection_time: 18060 }, connection_info: { app_id: "A1" } }));
      this.connected?.();
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss!.address() as AddressInfo).port}/link/?ticket=t${++this.n}`;
  }

  /** Send one envelope and resolve with its ack (or fail after `ms`). */
  async send(type: "events_api" | "slash_commands" | "interactive", payload: Record<string, unknown>, extra: Record<string, unknown> = {}, ms = 3000): Promise<Ack> {
    await this.ready;
    const envelope_id = `env-${++this.n}`;
    const acked = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${envelope_id} within ${ms} ms`)), ms);
      this.ackWaiters.set(envelope_id, (a) => { clearTimeout(timer); resolve(a); });
    });
    this.socket!.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== "events_api", ...extra }));
    return acked;
  }

  async stop(): Promise<void> {
    const wss = this.wss;
    this.wss = undefined;
    if (!wss) return;
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}
