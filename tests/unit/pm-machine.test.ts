/**
 * The PM status machine (lib/domain/pm/machine.ts): every pair of statuses, legal or not, and the
 * typed error for an illegal move.
 */
import { describe, expect, it } from "vitest";
import { isEditable, pmMachine, statusAfterDecision, type PmStatus } from "@/lib/domain/pm/machine";
import { IllegalTransitionError } from "@/lib/domain/status-machine";

const STATUSES: PmStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "DECLINED", "WITHDRAWN"];

const LEGAL = new Set([
  "DRAFT→SUBMITTED",
  "DRAFT→WITHDRAWN",
  "SUBMITTED→ACCEPTED",
  "SUBMITTED→CHANGES_REQUESTED",
  "SUBMITTED→DECLINED",
  "SUBMITTED→WITHDRAWN",
  "CHANGES_REQUESTED→SUBMITTED",
  "CHANGES_REQUESTED→WITHDRAWN",
]);

const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, LEGAL.has(`${from}→${to}`)] as const));

describe("every transition", () => {
  it("covers all 36 pairs, 8 of them legal", () => {
    expect(PAIRS).toHaveLength(36);
    expect(PAIRS.filter(([, , legal]) => legal)).toHaveLength(8);
  });

  it.each(PAIRS)("%s → %s: legal %s", (from, to, legal) => {
    expect(pmMachine.can(from, to)).toBe(legal);
    if (legal) {
      expect(pmMachine.transition(from, to)).toBe(to);
    } else {
      expect(() => pmMachine.transition(from, to)).toThrow(IllegalTransitionError);
      try {
        pmMachine.transition(from, to);
      } catch (error) {
        expect(error).toMatchObject({ machine: "ProjectPm", from, to });
      }
    }
  });
});

describe("final statuses and editing", () => {
  it.each([
    ["DRAFT", false, true],
    ["SUBMITTED", false, false],
    ["CHANGES_REQUESTED", false, true],
    ["ACCEPTED", true, false],
    ["DECLINED", true, false],
    ["WITHDRAWN", true, false],
  ] as const)("%s: final %s, editable by the participant %s", (status, terminal, editable) => {
    expect(pmMachine.isTerminal(status)).toBe(terminal);
    expect(isEditable(status)).toBe(editable);
  });

  it("a resubmission is only legal from DRAFT and CHANGES_REQUESTED", () => {
    expect(STATUSES.filter((s) => pmMachine.can(s, "SUBMITTED"))).toEqual(["DRAFT", "CHANGES_REQUESTED"]);
  });

  it("a decision's status", () => {
    expect(statusAfterDecision("ACCEPT")).toBe("ACCEPTED");
    expect(statusAfterDecision("REQUEST_CHANGES")).toBe("CHANGES_REQUESTED");
    expect(statusAfterDecision("DECLINE")).toBe("DECLINED");
  });
});
