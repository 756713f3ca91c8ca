/** Something that counts its round trips, like the fake Excel. */
export interface TripLog {
  readonly trips: number;
}

/**
 * The port (or any object) with each method wrapped to add the round trips it made to `calls`,
 * keyed by method name: shows which call a set-up or summary spends its trips on.
 */
export function countTripsByCall<T extends object>(target: T, log: TripLog, calls: Map<string, number>): T {
  return new Proxy(target, {
    get(object, prop, receiver) {
      const member: unknown = Reflect.get(object, prop, receiver);
      if (typeof member !== "function") return member;
      return async (...args: unknown[]) => {
        const before = log.trips;
        const result: unknown = await member.apply(object, args);
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + log.trips - before);
        return result;
      };
    },
  });
}
