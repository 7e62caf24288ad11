/** The cheapest workflow there is: the floor for starting and completing workflows on this server. */
export async function noopWorkflow(): Promise<void> {
  // Nothing: the benchmark measures the server's start/complete round trip.
}
