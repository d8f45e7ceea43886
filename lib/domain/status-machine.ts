/**
 * Explicit status machines: a transition table per entity and one function that refuses
 * illegal moves with a typed error. Booking, waiting list, PM and invoice statuses use it.
 */
export class IllegalTransitionError<S extends string = string> extends Error {
  constructor(
    readonly machine: string,
    readonly from: S,
    readonly to: S,
  ) {
    super(`${machine}: ${from} → ${to} is not allowed`);
    this.name = "IllegalTransitionError";
  }
}

export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export function defineMachine<S extends string>(name: string, table: TransitionTable<S>) {
  return {
    name,
    table,
    can(from: S, to: S): boolean {
      return table[from].includes(to);
    },
    /** Returns `to` when the move is legal; throws IllegalTransitionError otherwise. */
    transition(from: S, to: S): S {
      if (!table[from].includes(to)) throw new IllegalTransitionError(name, from, to);
      return to;
    },
    isTerminal(status: S): boolean {
      return table[status].length === 0;
    },
  };
}
