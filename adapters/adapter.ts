// What main.ts needs from a platform adapter: start and stop. Everything
// platform-specific (transport, acks, rendering, limits) stays inside it.
export interface PlatformAdapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** False while the platform connection is down (for /healthz); absent means it cannot tell. */
  connected?(): boolean;
}
