import { describe, expect, it } from "vitest";
import {
  assembleTextGroups,
  classEvidence,
  clusterTagWrite,
  clusterUntagWrite,
  confirmedGroupKey,
  contextBucket,
  createNamedGroupMatcher,
  defaultGroupLabel,
  describeAnswers,
  groupsFingerprint,
  matchNamedGroup,
  parseGroupKey,
  planMerge,
  suggestForConfirmedGroups,
  teacherTagWrite,
  type AnswerText,
} from "./answer-groups";

const answers: AnswerText[] = [
  { id: "p1", text: "There has to be a force pushing it forward or it would stop." },
  { id: "p2", text: "There has to be a force pushing it forward or it would stop" },
  { id: "p3", text: "a force has to push it forward or it stops" },
  { id: "b1", text: "The forces are balanced so the speed stays the same." },
  { id: "b2", text: "the forces are balanced, so the speed stays the same" },
  { id: "m1", text: "The car has momentum so there are no forces on it." },
];

describe("group keys", () => {
  it("tells confirmed groups (g:<id>) from machine groups", () => {
    expect(confirmedGroupKey("abc")).toBe("g:abc");
    expect(parseGroupKey("g:abc")).toEqual({ kind: "confirmed", answerGroupId: "abc" });
    expect(parseGroupKey(" g-1234abcd ")).toEqual({ kind: "machine", id: "g-1234abcd" });
    expect(parseGroupKey("g:")).toBeNull();
    expect(parseGroupKey("  ")).toBeNull();
  });
});

describe("assembleTextGroups", () => {
  it("gives the machine's groups when the teacher has confirmed none, largest first", () => {
    const groups = assembleTextGroups(answers, []);
    expect(groups.map((g) => g.attemptIds)).toEqual([["p1", "p2", "p3"], ["b1", "b2"], ["m1"]]);
    expect(groups.every((g) => g.confirmed === false && !g.id.startsWith("g:"))).toBe(true);
    expect(groups[0].representatives?.length).toBeGreaterThan(0);
    expect(groups[0].keyTerms).toContain("forward");
  });

  it("puts confirmed groups first (oldest first), leaves moved-out answers to the machine, and never counts an answer twice", () => {
    const groups = assembleTextGroups(answers, [
      {
        id: "later",
        label: "Second",
        misconceptionId: null,
        createdAt: new Date(2000),
        members: [
          { attemptId: "p1", excluded: false }, // already held by the older group
          { attemptId: "m1", excluded: false },
        ],
      },
      {
        id: "first",
        label: "Motion needs a force",
        misconceptionId: "mc",
        createdAt: new Date(1000),
        members: [
          { attemptId: "p2", excluded: false },
          { attemptId: "p1", excluded: false },
          { attemptId: "p3", excluded: true },
          { attemptId: "gone", excluded: false }, // not an answer of this checkpoint
        ],
      },
    ]);
    expect(groups.map((g) => [g.id, g.attemptIds, g.confirmed])).toEqual([
      ["g:first", ["p1", "p2"], true],
      ["g:later", ["m1"], true],
      [expect.stringMatching(/^g-/), ["b1", "b2"], false],
      [expect.stringMatching(/^g-/), ["p3"], false],
    ]);
    expect(groups[0]).toMatchObject({ label: "Motion needs a force", misconceptionId: "mc" });
    expect(groups[0].representatives).toEqual(["There has to be a force pushing it forward or it would stop"]);
  });

  it("is the same whatever order the answers and groups come in", () => {
    const confirmed = [
      { id: "x", label: "X", misconceptionId: null, createdAt: new Date(5), members: [{ attemptId: "b1", excluded: false }] },
      { id: "y", label: "Y", misconceptionId: null, createdAt: new Date(5), members: [{ attemptId: "m1", excluded: false }] },
    ];
    const a = assembleTextGroups(answers, confirmed);
    const b = assembleTextGroups([...answers].reverse(), [...confirmed].reverse());
    expect(b).toEqual(a);
    expect(a.slice(0, 2).map((g) => g.id)).toEqual(["g:x", "g:y"]);
  });

  it("keeps an emptied confirmed group, so the teacher can still see and undo it", () => {
    const groups = assembleTextGroups(answers, [
      { id: "e", label: "Empty", misconceptionId: null, createdAt: new Date(1), members: [{ attemptId: "m1", excluded: true }] },
    ]);
    expect(groups[0]).toMatchObject({ id: "g:e", attemptIds: [], representatives: [], keyTerms: [] });
  });
});

describe("describeAnswers and defaultGroupLabel", () => {
  it("describes any set of answers as one group", () => {
    const d = describeAnswers(answers.slice(0, 5));
    expect(d.representatives.length).toBeGreaterThan(0);
    expect(d.representatives.length).toBeLessThanOrEqual(3);
    expect(describeAnswers([])).toEqual({ representatives: [], keyTerms: [] });
  });

  it("labels a group by its key terms, else its first answer, shortened", () => {
    expect(defaultGroupLabel({ keyTerms: ["pushing", "stop"], representatives: ["x"] })).toBe("pushing, stop");
    expect(defaultGroupLabel({ keyTerms: [], representatives: ["  short  "] })).toBe("short");
    expect(defaultGroupLabel({ keyTerms: [], representatives: ["x".repeat(80)] })).toHaveLength(60);
    expect(defaultGroupLabel({})).toBe("Group of answers");
  });
});

describe("groupsFingerprint", () => {
  const base = {
    attempts: 3,
    latestAttemptAt: new Date(10),
    reviews: 1,
    groups: [
      { id: "g1", label: "Momentum", misconceptionId: "m1", createdAt: new Date(20) },
      { id: "g2", label: "Balanced", misconceptionId: null, createdAt: new Date(21) },
    ],
    members: [
      { groupId: "g1", attemptId: "a1", excluded: false, source: "TEACHER" },
      { groupId: "g1", attemptId: "a2", excluded: false, source: "MACHINE" },
    ],
    latestVersionId: "v1",
    misconceptions: [{ id: "m1", name: "Motion needs a force", description: "", nextStep: "Think of ice." }],
  };

  it("is the same for the same state, whatever order the rows were read in", () => {
    expect(groupsFingerprint(base)).toBe(groupsFingerprint({ ...base, groups: [...base.groups].reverse(), members: [...base.members].reverse() }));
  });

  it("changes with anything the groups are computed from, whenever and wherever it was written", () => {
    const changes = [
      { attempts: 4 },
      { latestAttemptAt: new Date(11) },
      { reviews: 2 },
      { groups: [{ ...base.groups[0], label: "Has momentum" }, base.groups[1]] },
      { groups: [{ ...base.groups[0], misconceptionId: null }, base.groups[1]] },
      { groups: [base.groups[0]] },
      { members: [{ ...base.members[0], excluded: true }, base.members[1]] },
      { members: [base.members[0], { ...base.members[1], source: "TEACHER" }] },
      { members: [base.members[0], { ...base.members[1], groupId: "g2" }] },
      { latestVersionId: "v2" },
      { misconceptions: [{ ...base.misconceptions[0], description: "A moving object needs a push." }] },
      { misconceptions: [] },
    ];
    const seen = new Set([groupsFingerprint(base)]);
    for (const change of changes) seen.add(groupsFingerprint({ ...base, ...change }));
    expect(seen.size).toBe(changes.length + 1);
  });
});

describe("tag writes", () => {
  it("tags with a group's misconception unless the teacher decided about it, or a machine tag already shows it", () => {
    expect(clusterTagWrite(null)).toEqual({ kind: "create", source: "CLUSTER", active: true });
    expect(clusterTagWrite({ source: "TEACHER", active: false })).toEqual({ kind: "none" });
    expect(clusterTagWrite({ source: "TEACHER", active: true })).toEqual({ kind: "none" });
    expect(clusterTagWrite({ source: "RULE", active: true })).toEqual({ kind: "none" });
    expect(clusterTagWrite({ source: "CLUSTER", active: true })).toEqual({ kind: "none" });
    expect(clusterTagWrite({ source: "CLUSTER", active: false })).toEqual({ kind: "update", source: "CLUSTER", active: true });
  });

  it("takes back only the group's own active machine tags", () => {
    expect(clusterUntagWrite({ source: "CLUSTER", active: true })).toEqual({ kind: "update", source: "CLUSTER", active: false });
    expect(clusterUntagWrite({ source: "TEACHER", active: true })).toEqual({ kind: "none" });
    expect(clusterUntagWrite({ source: "RULE", active: true })).toEqual({ kind: "none" });
    expect(clusterUntagWrite(null)).toEqual({ kind: "none" });
  });

  it("writes the teacher's decision over anything, as a TEACHER row", () => {
    expect(teacherTagWrite(null, true)).toEqual({ kind: "create", source: "TEACHER", active: true });
    expect(teacherTagWrite({ source: "CLUSTER", active: true }, false)).toEqual({ kind: "update", source: "TEACHER", active: false });
    expect(teacherTagWrite({ source: "TEACHER", active: false }, false)).toEqual({ kind: "none" });
    expect(teacherTagWrite({ source: "TEACHER", active: false }, true)).toEqual({ kind: "update", source: "TEACHER", active: true });
  });
});

describe("planMerge", () => {
  const machine = (key: string) => ({ key, answerGroupId: null, label: null, misconceptionId: null });
  it("needs two different groups", () => {
    expect(planMerge([machine("g-1"), machine("g-1")])).toEqual({ ok: false, message: "Choose at least two groups to merge." });
  });

  it("merges machine groups into a new group", () => {
    const plan = planMerge([machine("g-1"), machine("g-2")]);
    expect(plan).toMatchObject({ ok: true, targetAnswerGroupId: null, misconceptionId: null });
    expect(plan.ok && plan.sources.map((s) => s.key)).toEqual(["g-1", "g-2"]);
  });

  it("merges into the group named as a misconception, which keeps it", () => {
    const plan = planMerge([
      { key: "g:plain", answerGroupId: "plain", label: "Plain", misconceptionId: null },
      machine("g-1"),
      { key: "g:named", answerGroupId: "named", label: "Named", misconceptionId: "mc" },
      { key: "g:same", answerGroupId: "same", label: "Same", misconceptionId: "mc" },
    ]);
    expect(plan).toMatchObject({ ok: true, targetAnswerGroupId: "named", misconceptionId: "mc" });
    expect(plan.ok && plan.sources.map((s) => s.key)).toEqual(["g:plain", "g-1", "g:same"]);
    expect(planMerge([machine("g-1"), { key: "g:plain", answerGroupId: "plain", label: "Plain", misconceptionId: null }])).toMatchObject({
      ok: true,
      targetAnswerGroupId: "plain",
      misconceptionId: null,
    });
  });

  it("refuses to mix two misconceptions, and says which", () => {
    const plan = planMerge([
      { key: "g:a", answerGroupId: "a", label: "A", misconceptionId: "m1", misconceptionName: "Motion needs a force" },
      { key: "g:b", answerGroupId: "b", label: "B", misconceptionId: "m2", misconceptionName: "Heavier falls faster" },
    ]);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.message).toMatch(/different misconceptions \(“Motion needs a force”, “Heavier falls faster”\)/);
  });
});

describe("matchNamedGroup", () => {
  const groups = [
    { answerGroupId: "push", misconceptionId: "force", answers: [answers[0].text, answers[1].text] },
    { answerGroupId: "empty", misconceptionId: "other", answers: [] },
  ];
  const context = answers.map((a) => a.text);

  it("matches a new answer close to a named group, with its misconception", () => {
    const match = matchNamedGroup("There must be a force pushing the car forward, otherwise it would stop.", groups, context);
    expect(match).toMatchObject({ answerGroupId: "push", misconceptionId: "force" });
    expect(match!.similarity).toBeGreaterThanOrEqual(0.55);
    expect(matchNamedGroup("there has to be a force pushing it forward or it would stop", groups, context)?.similarity).toBe(1);
  });

  it("leaves an answer that is not close to any named group", () => {
    expect(matchNamedGroup("The forces are balanced so the speed stays the same.", groups, context)).toBeNull();
    expect(matchNamedGroup("   ", groups, context)).toBeNull();
    expect(matchNamedGroup("anything", [], context)).toBeNull();
  });
});

describe("createNamedGroupMatcher and contextBucket", () => {
  it("matches like matchNamedGroup, prepared once", () => {
    const match = createNamedGroupMatcher([{ answerGroupId: "push", misconceptionId: "force", answers: [answers[0].text] }], answers.map((a) => a.text));
    expect(match("a force has to push it forward or it stops")?.answerGroupId).toBe("push");
    expect(match("momentum")).toBeNull();
    expect(createNamedGroupMatcher([])("anything")).toBeNull();
  });

  it("moves on when the answers grow by about a fifth", () => {
    for (const n of [0, 10, 100, 1000]) expect(contextBucket(Math.ceil(n * 1.25) + 2)).toBeGreaterThan(contextBucket(n));
    // From 100 to 200 answers the matcher is rebuilt only a few times, not on every answer.
    expect(new Set(Array.from({ length: 101 }, (_, i) => contextBucket(100 + i))).size).toBeLessThanOrEqual(5);
  });
});

describe("classEvidence", () => {
  it("gathers the model answer and the misconceptions' names, descriptions and next steps, leaving out blanks", () => {
    expect(
      classEvidence({
        modelAnswer: " The forces are balanced. ",
        misconceptions: [{ name: "The push stays in the object", description: "", nextStep: "What is still touching it?" }],
      }),
    ).toEqual(["The forces are balanced.", "The push stays in the object", "What is still touching it?"]);
    expect(classEvidence({})).toEqual([]);
  });
});

describe("suggestForConfirmedGroups", () => {
  const push: AnswerText[] = [
    { id: "k1", text: "the push keeps acting" },
    { id: "k2", text: "the push keeps acting on the car" },
    { id: "s1", text: "the force from the push stays inside it" },
    { id: "s2", text: "push force is still acting on it after my hand leaves" },
    { id: "m1", text: "The car has momentum so there are no forces on it." },
  ];
  const group = (members: { attemptId: string; excluded?: boolean; source?: string }[], id = "G1") => ({
    id,
    label: "The push stays in the object",
    misconceptionId: "M1",
    createdAt: new Date(0),
    members: members.map((m) => ({ excluded: false, ...m })),
  });

  it("suggests the ungrouped answers closest to a kept group, with shared terms and the closest placed answer", () => {
    const result = suggestForConfirmedGroups(push, [group([{ attemptId: "k1" }, { attemptId: "k2" }])], { G1: ["Believes a push is stored in the object."] }, { minSimilarity: 0.15 });
    const ids = result[confirmedGroupKey("G1")].map((s) => s.attemptId);
    expect(ids).toEqual(expect.arrayContaining(["s1", "s2"]));
    expect(ids).not.toContain("m1");
    const s2 = result["g:G1"].find((s) => s.attemptId === "s2")!;
    expect(s2.sharedTerms).toContain("push");
    expect(s2.closest?.text).toMatch(/^the push keeps acting/);
  });

  it("never suggests an answer moved out of or turned down for the group, or held by another kept group", () => {
    const result = suggestForConfirmedGroups(
      push,
      [group([{ attemptId: "k1" }, { attemptId: "k2" }, { attemptId: "s1", excluded: true, source: "REJECTED" }]), group([{ attemptId: "m1" }], "G2")],
      {},
      { minSimilarity: 0 },
    );
    const ids = (result["g:G1"] ?? []).map((s) => s.attemptId);
    expect(ids).not.toContain("s1");
    expect(ids).not.toContain("m1");
  });

  it("describes a group by the answers the teacher placed, not those the machine added, and keeps to the candidates", () => {
    const machineOnly = suggestForConfirmedGroups(push, [group([{ attemptId: "k1", source: "MACHINE" }])]);
    expect(machineOnly).toEqual({});
    const limited = suggestForConfirmedGroups(push, [group([{ attemptId: "k1" }])], {}, { candidateIds: ["s2"], minSimilarity: 0 });
    expect(limited["g:G1"].map((s) => s.attemptId)).toEqual(["s2"]);
  });
});
