// The class failure session, a student's side (decision 019): post a setback
// and what you learned, respond to classmates' posts with what helped you and
// a few supportive reactions, and withdraw what you wrote. Nothing on this page
// or in its data names or identifies a classmate: the board comes from
// studentBoard (app/domain/failure-session.ts), which holds no author, and its
// order is by release batch and random id. Works without JavaScript; with it,
// the board updates by itself.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { studentSessionRefusal } from "~/components/action-words";
import { AgreedActions, PostText, PromptQuestions, ReactionSummary, groupTitle, sessionStateLine } from "~/components/failure-board";
import { ConfirmForm, FormAlert, SubmitButton, TextareaField, resultFor } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { LiveStatus } from "~/components/live-updates";
import { ActionNotice, Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { REACTION_KINDS, postCount } from "~/domain/failure-session";
import { OWN_ITEM_WORDS, REACTION_WORDS } from "~/domain/labels";
import { plural } from "~/domain/words";
import { addNote, addPost, loadStudentSession, toggleReaction, withdraw } from "~/models/failure-session.server";
import { requireStudentProject } from "~/models/project.server";
import type { StudentProjectHandle } from "~/routes/learn.projects.$projectId";
import { noteSchema, postSchema, reactionSchema, withdrawSchema } from "~/schemas/failure-session";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Class failure session · ${data.project.title} · Rebound` : "Class failure session · Rebound" }];

export const handle: StudentProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.studentProject(project.id) }],
};

const POST_FORM = "post";
const noteFormId = (postId: string) => `note-${postId}`;
const reactFormId = (postId: string) => `react-${postId}`;
const withdrawFormId = (id: string) => `withdraw-${id}`;

// Everything returned here reaches the browser (and `.data` requests): the
// board holds no author, only whether a post or note is the student's own.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { student, project } = await requireStudentProject(request, params);
  const page = await loadStudentSession(project, student.id);
  return { project: { id: project.id, title: project.title }, ...page };
}

type ActionResult = { formId?: string; ok: boolean; reply?: SubmissionResult<string[]>; message: string | null };
const reply = (result: ActionResult, status = 200) => data(result, { status });

export const action = keepsFormOnFailure(
  async ({ request, params }: ActionFunctionArgs) => {
    const { student, project } = await requireStudentProject(request, params);
    const formData = await readForm(request);
    const intent = String(formData.get("intent") ?? "");

    if (intent === "post") {
      const submission = parseSubmission(formData, { schema: postSchema });
      if (submission.status !== "success") return reply({ formId: POST_FORM, ok: false, reply: submission.reply(), message: null }, 400);
      const result = await addPost(project, student.id, submission.value);
      if (!result.ok) return reply({ formId: POST_FORM, ok: false, reply: submission.reply({ formErrors: [studentSessionRefusal(result.reason)] }), message: null }, 400);
      return reply({
        formId: POST_FORM,
        ok: true,
        reply: submission.reply({ resetForm: true }),
        message: "Thanks for sharing. Your post waits for your teacher, then appears on the board with others, without your name.",
      });
    }
    if (intent === "note") {
      const formId = noteFormId(String(formData.get("postId") ?? ""));
      const submission = parseSubmission(formData, { schema: noteSchema });
      if (submission.status !== "success") return reply({ formId, ok: false, reply: submission.reply(), message: null }, 400);
      const result = await addNote(project, student.id, submission.value);
      if (!result.ok) return reply({ formId, ok: false, reply: submission.reply({ formErrors: [studentSessionRefusal(result.reason)] }), message: null }, 400);
      return reply({ formId, ok: true, reply: submission.reply({ resetForm: true }), message: "Thanks: your note waits for your teacher, then appears under the post without your name." });
    }
    if (intent === "react") {
      const formId = reactFormId(String(formData.get("postId") ?? ""));
      const submission = parseSubmission(formData, { schema: reactionSchema });
      if (submission.status !== "success") return reply({ formId, ok: false, message: "Choose one of the reactions." }, 400);
      const result = await toggleReaction(project, student.id, submission.value);
      if (!result.ok) return reply({ formId, ok: false, message: studentSessionRefusal(result.reason) }, 400);
      return reply({ formId, ok: true, message: result.on ? `You said “${REACTION_WORDS[result.kind]}”.` : `You took back “${REACTION_WORDS[result.kind]}”.` });
    }
    if (intent === "withdraw") {
      const formId = withdrawFormId(String(formData.get("id") ?? ""));
      const submission = parseSubmission(formData, { schema: withdrawSchema });
      if (submission.status !== "success") return reply({ formId, ok: false, message: studentSessionRefusal("not-found") }, 400);
      const result = await withdraw(project, student.id, submission.value);
      if (!result.ok) return reply({ formId, ok: false, message: studentSessionRefusal(result.reason) }, 400);
      return reply({
        ok: true,
        message: `Withdrawn. It's ${result.wasOnBoard ? "off the board and " : ""}out of your teacher's queue; you can still read it here, and nobody else can.`,
      });
    }
    return reply({ ok: false, message: "We didn't understand that request." }, 400);
  },
  (form) => {
    const intent = form.get("intent");
    if (intent === "post") return POST_FORM;
    if (intent === "note") return noteFormId(String(form.get("postId") ?? ""));
    if (intent === "react") return reactFormId(String(form.get("postId") ?? ""));
    if (intent === "withdraw") return withdrawFormId(String(form.get("id") ?? ""));
    return null;
  },
);

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type BoardPost = LoaderData["board"][number]["posts"][number];

function PostForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({ id: POST_FORM, lastResult, defaultValue: { setback: "", learned: "" }, ...validateWith(postSchema) });
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <FormAlert message={form.errors} />
      <TextareaField label="My setback" hint="What didn't go as planned?" errors={fields.setback.errors} textareaProps={{ ...getTextareaProps(fields.setback), rows: 3 }} />
      <TextareaField label="What I learned from it" errors={fields.learned.errors} textareaProps={{ ...getTextareaProps(fields.learned), rows: 3 }} />
      <SubmitButton intent="post" pendingText="Sending…">
        Send to my teacher
      </SubmitButton>
    </Form>
  );
}

function NoteForm({ postId, lastResult }: { postId: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({ id: noteFormId(postId), lastResult, defaultValue: { postId, text: "" }, ...validateWith(noteSchema) });
  return (
    <Form method="post" className="mt-3 space-y-2" {...getFormProps(form)}>
      <input type="hidden" name={fields.postId.name} value={postId} />
      <FormAlert message={form.errors} />
      <TextareaField label="What helped me" hint="Something that helped you with a setback like this one." errors={fields.text.errors} textareaProps={{ ...getTextareaProps(fields.text), rows: 2 }} />
      <SubmitButton intent="note" formId={noteFormId(postId)} variant="secondary" className="px-3 py-1" pendingText="Sending…">
        Send my note
      </SubmitButton>
    </Form>
  );
}

function Reactions({ post, canReact, message }: { post: BoardPost; canReact: boolean; message?: string | null }) {
  if (!canReact) return <ReactionSummary reactions={post.reactions} className="mt-2 text-sm" />;
  return (
    <Form method="post" className="mt-3" aria-label="Reactions">
      {/* The buttons send the reaction's kind as their value, so the intent travels in its own field. */}
      <input type="hidden" name="intent" value="react" />
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="formId" value={reactFormId(post.id)} />
      <div className="flex flex-wrap gap-2">
        {REACTION_KINDS.map((kind) => {
          const pressed = post.myReactions.includes(kind);
          return (
            <SubmitButton
              key={kind}
              formId={reactFormId(post.id)}
              name="kind"
              value={kind}
              variant="secondary"
              className={`px-3 py-1 ${pressed ? "border-brand-700 bg-brand-50" : ""}`}
              aria-pressed={pressed}
              pendingText="…"
            >
              {REACTION_WORDS[kind]}
              {post.reactions[kind] > 0 ? <span className="text-slate-700"> · {post.reactions[kind]}</span> : null}
            </SubmitButton>
          );
        })}
      </div>
      {message ? (
        <p role="status" className="mt-1 text-sm text-slate-700">
          {message}
        </p>
      ) : null}
    </Form>
  );
}

function WithdrawButton({ id, kind }: { id: string; kind: "post" | "note" }) {
  return (
    <ConfirmForm question={`Withdraw this ${kind}? It leaves the board and your teacher's queue; only you will still see it.`} className="mt-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="formId" value={withdrawFormId(id)} />
      <SubmitButton intent="withdraw" formId={withdrawFormId(id)} variant="secondary" className="px-3 py-1 text-xs" pendingText="Withdrawing…">
        Withdraw my {kind}
      </SubmitButton>
    </ConfirmForm>
  );
}

export default function StudentFailureSession() {
  const { project, session, board, mine, agreed, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultOf = (id: string) => resultFor(actionData, id);
  const pageMessage = actionData && !actionData.formId ? actionData : undefined;
  const open = session?.state === "open";
  const canReact = session !== null && session.state !== "closed";
  const onBoard = postCount(board);

  return (
    <>
      <PageHeader
        title="Class failure session"
        subtitle="Setbacks are how we learn. Share one, and what it taught you; your classmates see it without your name."
      />
      <ActionNotice result={pageMessage} />
      {!session ? (
        <EmptyState>Your teacher hasn&apos;t opened a failure session in this project yet.</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card title="This session's questions">
              <PromptQuestions questions={session.questions} className="text-lg" />
              <p className="mt-3 text-slate-800">{sessionStateLine(session)}</p>
              <div className="mt-2">
                <LiveStatus
                  url={paths.studentFailureSessionVersion(project.id)}
                  version={version}
                  active={session.state !== "closed"}
                  reloadTo={paths.studentFailureSession(project.id)}
                  announce={`${plural(onBoard, "post")} on the board.`}
                />
              </div>
            </Card>

            {session.state === "closed" && agreed.length ? (
              <Card title="What we will do differently">
                <AgreedActions actions={agreed} showStatus={false} />
                <p className="mt-3 text-sm text-slate-700">You&apos;ll see these again at the start of the class&apos;s next project.</p>
              </Card>
            ) : null}

            <section aria-labelledby="board-title" className="space-y-4">
              <h2 id="board-title" className="text-xl font-semibold">
                The board
              </h2>
              {board.length === 0 ? <EmptyState>Nothing on the board yet. Posts appear once your teacher releases them, several at a time.</EmptyState> : null}
              {board.map((g) => (
                <section key={g.id} aria-labelledby={`group-${g.id}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                  <h3 id={`group-${g.id}`} className="text-lg font-semibold">
                    {groupTitle(g, board.length)}
                  </h3>
                  <ul className="mt-3 space-y-4">
                    {g.posts.map((p) => (
                      <li key={p.id} className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-4">
                        {p.mine ? (
                          <p className="mb-2">
                            <Badge tone="info">Your post</Badge>
                          </p>
                        ) : null}
                        <PostText setback={p.setback} learned={p.learned} />
                        {p.mine ? <ReactionSummary reactions={p.reactions} className="mt-2 text-sm" /> : <Reactions post={p} canReact={canReact} message={resultOf(reactFormId(p.id))?.message} />}
                        {p.notes.length ? (
                          <div className="mt-3">
                            <h4 className="text-sm font-semibold">What helped classmates</h4>
                            <ul className="mt-1 space-y-1 text-sm">
                              {p.notes.map((n) => (
                                <li key={n.id} className="rounded bg-white px-3 py-2">
                                  {n.text}
                                  {n.mine ? <span className="ml-2 text-slate-700">(your note)</span> : null}
                                </li>
                              ))}
                            </ul>
                          </div>
                        ) : null}
                        {open && !p.mine ? <NoteForm postId={p.id} lastResult={resultOf(noteFormId(p.id))?.reply} /> : null}
                        {resultOf(noteFormId(p.id))?.ok ? (
                          <p role="status" className="mt-1 text-sm text-emerald-900">
                            {resultOf(noteFormId(p.id))?.message}
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </section>
          </div>

          <div className="space-y-6">
            {open ? (
              <Card title="Share a setback">
                <p className="mb-3 text-sm text-slate-700">
                  Classmates never see your name. Your teacher does, and releases posts to the board several at a time, in a random order.
                </p>
                {resultOf(POST_FORM)?.ok ? (
                  <p role="status" className="mb-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
                    {resultOf(POST_FORM)?.message}
                  </p>
                ) : null}
                <PostForm lastResult={resultOf(POST_FORM)?.reply} />
              </Card>
            ) : session.state === "time-up" ? (
              <Card title="Share a setback">
                <p className="text-slate-700">Time&apos;s up for new posts in this session. You can still react to classmates&apos; posts until your teacher closes it.</p>
              </Card>
            ) : null}
          </div>
        </div>
      )}

      {mine.posts.length || mine.notes.length ? (
        <Card title="My posts and notes" className="mt-6">
          <p className="mb-3 text-sm text-slate-700">Only you see this list. Withdrawing takes a post or note off the board and out of your teacher&apos;s queue; it stays here for you.</p>
          <ul className="divide-y divide-slate-200">
            {mine.posts.map((p) => (
              <li key={p.id} className="py-3">
                <p className="mb-1 text-sm font-medium text-slate-700">
                  Post · {OWN_ITEM_WORDS[p.status]}
                  {p.current ? "" : " · an earlier session"}
                </p>
                <PostText setback={p.setback} learned={p.learned} size="text-sm" />
                {p.status !== "WITHDRAWN" ? <WithdrawButton id={p.id} kind="post" /> : null}
                {resultOf(withdrawFormId(p.id)) ? <p role="alert" className="mt-1 text-sm text-red-800">{resultOf(withdrawFormId(p.id))?.message}</p> : null}
              </li>
            ))}
            {mine.notes.map((n) => (
              <li key={n.id} className="py-3">
                <p className="mb-1 text-sm font-medium text-slate-700">
                  What helped me · {OWN_ITEM_WORDS[n.status]}
                  {n.current ? "" : " · an earlier session"}
                </p>
                <p className="whitespace-pre-wrap text-sm">{n.text}</p>
                {n.onSetback ? <p className="mt-1 text-xs text-slate-700">On: “{n.onSetback}”</p> : null}
                {n.status !== "WITHDRAWN" ? <WithdrawButton id={n.id} kind="note" /> : null}
                {resultOf(withdrawFormId(n.id)) ? <p role="alert" className="mt-1 text-sm text-red-800">{resultOf(withdrawFormId(n.id))?.message}</p> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
