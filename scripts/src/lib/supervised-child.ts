/**
 * Loaded (`node --import`) into every process the supervisor starts: when the supervisor ends without
 * stopping it (killed itself), the IPC channel closes and the process stops as on SIGTERM, so that nothing
 * of `pnpm start` outlives it. The channel does not keep the process alive by itself.
 */
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
