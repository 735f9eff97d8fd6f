// One-time set-up codes a teacher reads out or writes down for a student
// (app/models/setup-code.server.ts keeps them). Eight characters in two groups,
// from the join codes' alphabet (no look-alikes): about 37 bits, with tries
// limited per account and the code ending after a few days.
import { randomInt } from "node:crypto";
import { JOIN_CODE_ALPHABET } from "~/domain/join-code";

const GROUP = 4;

export function generateSetupCode(random: (max: number) => number = randomInt): string {
  const char = () => JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  const group = () => Array.from({ length: GROUP }, char).join("");
  return `${group()}-${group()}`;
}

/** What a student typed, as the code is hashed: case, spaces and dashes do not matter. */
export function normalizeSetupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}
