// A mock LTI 1.3 platform (an LMS) for the suite (decision 023), on loopback
// and on another site than the app (the app on localhost, this on 127.0.0.1,
// or the other way round in the end-to-end tests), so cross-site cookie and
// Origin rules are really exercised. It signs launches with its own RSA key
// (jose) and serves:
//   GET  /jwks                 its public keys
//   GET  /auth                 the OIDC authorization endpoint: answers with a page that form-posts the id_token to the tool
//   POST /token                client_credentials with a JWT assertion the tool signed (checked against the tool's JWKS)
//   GET  /nrps/<context>       Names and Role Provisioning: the course's members
//   GET/POST /ags/<context>/lineitems, POST …/lineitems/<n>/scores   Assignment and Grade Services
//   POST /deep-link-return     where a Deep Linking response comes back (checked against the tool's JWKS)
//   GET  /course/<context>?as=<sub>&link=<id> | &deep=1   a course page that starts a launch (auto-posting the login initiation)
// Everything it received is kept in `received` for the tests to read.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type JSONWebKeySet, type JWK } from "jose";

export const LTI_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
export const ROLE = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
};

export interface MockMember {
  sub: string;
  name: string;
  email?: string;
  roles: string[];
  status?: "Active" | "Inactive" | "Deleted";
}

export interface MockCourse {
  id: string;
  title: string;
  members: MockMember[];
  lineItems: { id: string; label: string; scoreMaximum: number; resourceLinkId?: string; tag?: string }[];
  /** Members per NRPS page (all on one page when unset); the next page is named in a Link header. */
  rosterPageSize?: number;
  /** Students (subs) whose score the gradebook refuses, as an LMS does for a member who left. */
  refuseScoresFor?: string[];
}

export interface PostedScore {
  lineItem: string;
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  activityProgress: string;
  gradingProgress: string;
  timestamp: string;
}

interface Options {
  /** "127.0.0.1" (default) or "localhost": the other site from the app's. */
  host?: string;
  clientId?: string;
  deploymentId?: string;
  /** Where the tool's public keys are: its /lti/jwks address, or a function (integration tests, with no app server). */
  toolJwks: string | (() => Promise<JSONWebKeySet>);
  /** The tool's login initiation and launch addresses (end-to-end: the app's; integration tests do not need them). */
  toolLoginUrl?: string;
  toolLaunchUrl?: string;
}

export class MockLtiPlatform {
  readonly clientId: string;
  readonly deploymentId: string;
  readonly kid = `platform-${randomUUID().slice(0, 8)}`;
  readonly courses = new Map<string, MockCourse>();
  readonly received = {
    tokenRequests: [] as { scope: string; assertion: Record<string, unknown> }[],
    scores: [] as PostedScore[],
    deepLinks: [] as Record<string, unknown>[],
    rosterPages: 0,
  };
  private server!: Server;
  private keys!: { privateKey: CryptoKey; publicJwk: JWK };
  private tokens = new Map<string, string[]>();
  /** What each login hint launches as (set by `prepareLaunch`, read by /auth). */
  private pending = new Map<string, Record<string, unknown>>();
  origin = "";
  /** Answer new line items with an address on another site (a test of what Rebound accepts). */
  foreignLineItemIds = false;

  constructor(private options: Options) {
    this.clientId = options.clientId ?? "rebound-tool";
    this.deploymentId = options.deploymentId ?? "deployment-1";
  }

  get issuer() {
    return this.origin;
  }

  static async start(options: Options): Promise<MockLtiPlatform> {
    const platform = new MockLtiPlatform(options);
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    platform.keys = { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: platform.kid, alg: "RS256", use: "sig" } };
    platform.server = createServer((req, res) => {
      platform.handle(req, res).catch((error) => {
        res.writeHead(500, { "Content-Type": "text/plain" }).end(String(error));
      });
    });
    const host = options.host ?? "127.0.0.1";
    await new Promise<void>((resolve) => platform.server.listen(0, host, resolve));
    // A test process may end without stopping it.
    platform.server.unref();
    platform.origin = `http://${host}:${(platform.server.address() as AddressInfo).port}`;
    return platform;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The registration an administrator would type into Rebound. */
  registration() {
    return {
      name: "Mock LMS",
      issuer: this.issuer,
      clientId: this.clientId,
      authUrl: `${this.origin}/auth`,
      tokenUrl: `${this.origin}/token`,
      jwksUrl: `${this.origin}/jwks`,
      deploymentIds: [this.deploymentId],
    };
  }

  addCourse(course: Partial<MockCourse> & { id: string }): MockCourse {
    const full: MockCourse = { title: `Course ${course.id}`, members: [], lineItems: [], ...course };
    this.courses.set(full.id, full);
    return full;
  }

  /** The claims of a launch of `member` in `courseId` (a resource link, or a deep-linking request). */
  launchClaims(courseId: string, member: MockMember, kind: { link: string; custom?: Record<string, string> } | { deepLink: true }): Record<string, unknown> {
    const course = this.courses.get(courseId);
    if (!course) throw new Error(`no course ${courseId}`);
    const common = {
      sub: member.sub,
      name: member.name,
      ...(member.email ? { email: member.email } : {}),
      [`${LTI_CLAIM}version`]: "1.3.0",
      [`${LTI_CLAIM}deployment_id`]: this.deploymentId,
      [`${LTI_CLAIM}roles`]: member.roles,
      [`${LTI_CLAIM}context`]: { id: course.id, title: course.title, type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"] },
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": { context_memberships_url: `${this.origin}/nrps/${course.id}`, service_versions: ["2.0"] },
    };
    if ("deepLink" in kind) {
      return {
        ...common,
        [`${LTI_CLAIM}message_type`]: "LtiDeepLinkingRequest",
        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
          deep_link_return_url: `${this.origin}/deep-link-return`,
          accept_types: ["ltiResourceLink"],
          accept_presentation_document_targets: ["iframe", "window"],
          data: `opaque-${course.id}`,
        },
      };
    }
    const lineItem = course.lineItems.find((l) => l.resourceLinkId === kind.link);
    return {
      ...common,
      [`${LTI_CLAIM}message_type`]: "LtiResourceLinkRequest",
      [`${LTI_CLAIM}resource_link`]: { id: kind.link, title: `Link ${kind.link}` },
      [`${LTI_CLAIM}target_link_uri`]: this.options.toolLaunchUrl ?? "http://localhost/lti/launch",
      ...(kind.custom ? { [`${LTI_CLAIM}custom`]: kind.custom } : {}),
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
        scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
        lineitems: `${this.origin}/ags/${course.id}/lineitems`,
        ...(lineItem ? { lineitem: `${this.origin}/ags/${course.id}/lineitems/${lineItem.id}` } : {}),
      },
    };
  }

  /**
   * Signs an id_token as this platform. `overrides` changes any claim (a
   * wrong `aud`, an old `iat`/`exp`); `key` signs with another key (a forgery).
   */
  async idToken(claims: Record<string, unknown>, nonce: string, overrides: Record<string, unknown> = {}, key?: CryptoKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: this.issuer, aud: this.clientId, azp: this.clientId, iat: now, exp: now + 300, nonce, ...claims, ...overrides };
    return new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: this.kid, typ: "JWT" }).sign(key ?? this.keys.privateKey);
  }

  /** What /auth will launch for this login hint (end-to-end journeys). */
  prepareLaunch(loginHint: string, claims: Record<string, unknown>) {
    this.pending.set(loginHint, claims);
  }

  private async toolKeys() {
    const source = this.options.toolJwks;
    if (typeof source === "string") return createRemoteJWKSet(new URL(source));
    return createLocalJWKSet(await source());
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.origin);
    const body = req.method === "POST" ? await readBody(req) : "";
    const html = (status: number, text: string) => res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" }).end(text);
    const json = (status: number, value: unknown, type = "application/json") => res.writeHead(status, { "Content-Type": type }).end(JSON.stringify(value));

    if (url.pathname === "/jwks") return json(200, { keys: [this.keys.publicJwk] });

    if (url.pathname.startsWith("/course/")) {
      // The LMS's course page: the person clicks a link and the platform starts the tool's login.
      const courseId = decodeURIComponent(url.pathname.slice("/course/".length));
      const course = this.courses.get(courseId);
      const member = course?.members.find((m) => m.sub === url.searchParams.get("as"));
      if (!course || !member) return html(404, "no such course or member");
      const hint = randomUUID();
      const link = url.searchParams.get("link");
      const custom = url.searchParams.get("project") ? { rebound_project: url.searchParams.get("project")! } : undefined;
      this.prepareLaunch(hint, url.searchParams.get("deep") ? this.launchClaims(courseId, member, { deepLink: true }) : this.launchClaims(courseId, member, { link: link ?? "link-1", custom }));
      const fields = { iss: this.issuer, login_hint: hint, target_link_uri: this.options.toolLaunchUrl ?? "", client_id: this.clientId, lti_deployment_id: this.deploymentId };
      const frame = url.searchParams.get("frame") === "1";
      const form = autoPost(this.options.toolLoginUrl ?? "", fields, frame ? "tool" : "_self");
      return html(200, `<!doctype html><html lang="en"><head><title>${course.title} · Mock LMS</title></head><body><h1>${course.title}</h1>${frame ? '<iframe name="tool" title="Rebound" width="1000" height="700"></iframe>' : ""}${form}</body></html>`);
    }

    if (url.pathname === "/auth") {
      const q = url.searchParams;
      const claims = this.pending.get(q.get("login_hint") ?? "");
      if (!claims || q.get("client_id") !== this.clientId || q.get("response_mode") !== "form_post" || q.get("scope") !== "openid") return html(400, "bad authorization request");
      // A hint stays good for a while, as an LMS's does: a login started again (in a new tab) uses it too.
      const token = await this.idToken(claims, q.get("nonce") ?? "");
      return html(200, `<!doctype html><html lang="en"><head><title>Mock LMS</title></head><body>${autoPost(q.get("redirect_uri") ?? "", { id_token: token, state: q.get("state") ?? "" })}</body></html>`);
    }

    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(body);
      if (form.get("grant_type") !== "client_credentials" || form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") {
        return json(400, { error: "unsupported_grant_type" });
      }
      try {
        const { payload } = await jwtVerify(form.get("client_assertion") ?? "", await this.toolKeys(), { issuer: this.clientId, subject: this.clientId, audience: `${this.origin}/token` });
        const scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
        const token = randomUUID();
        this.tokens.set(token, scopes);
        this.received.tokenRequests.push({ scope: scopes.join(" "), assertion: payload });
        return json(200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: scopes.join(" ") });
      } catch (error) {
        return json(401, { error: "invalid_client", error_description: String(error) });
      }
    }

    if (url.pathname === "/deep-link-return" && req.method === "POST") {
      const form = new URLSearchParams(body);
      try {
        const { payload } = await jwtVerify(form.get("JWT") ?? "", await this.toolKeys(), { issuer: this.clientId, audience: this.issuer });
        this.received.deepLinks.push(payload);
        const items = (payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as { title?: string }[]) ?? [];
        return html(200, `<!doctype html><html lang="en"><head><title>Mock LMS</title></head><body><h1>Placed in the course</h1><p>${items.map((i) => i.title).join(", ")}</p></body></html>`);
      } catch (error) {
        return html(400, `deep link refused: ${String(error)}`);
      }
    }

    // The services need a token with the right scope.
    const scopes = this.tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, "")) ?? null;
    const needs = (scope: string) => scopes?.includes(`https://purl.imsglobal.org/spec/${scope}`);

    const nrps = /^\/nrps\/([^/]+)$/.exec(url.pathname);
    if (nrps) {
      if (!needs("lti-nrps/scope/contextmembership.readonly")) return json(401, { error: "no token" });
      const course = this.courses.get(decodeURIComponent(nrps[1]));
      if (!course) return json(404, { error: "no course" });
      const size = course.rosterPageSize ?? course.members.length;
      const page = Number(url.searchParams.get("page") ?? "0");
      const members = course.members.slice(page * size, (page + 1) * size);
      if ((page + 1) * size < course.members.length) {
        const next = new URL(url);
        next.searchParams.set("page", String(page + 1));
        res.setHeader("Link", `<${next}>; rel="next"`);
      }
      this.received.rosterPages++;
      return json(
        200,
        {
          id: url.toString(),
          context: { id: course.id, title: course.title },
          members: members.map((m) => ({ user_id: m.sub, name: m.name, ...(m.email ? { email: m.email } : {}), roles: m.roles, status: m.status ?? "Active" })),
        },
        "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
      );
    }

    const lineItems = /^\/ags\/([^/]+)\/lineitems$/.exec(url.pathname);
    if (lineItems) {
      const course = this.courses.get(decodeURIComponent(lineItems[1]));
      if (!course) return json(404, { error: "no course" });
      if (req.method === "POST") {
        if (!needs("lti-ags/scope/lineitem")) return json(401, { error: "no token" });
        const item = JSON.parse(body) as { label: string; scoreMaximum: number; resourceLinkId?: string; tag?: string };
        const made = { id: String(course.lineItems.length + 1), label: item.label, scoreMaximum: item.scoreMaximum, resourceLinkId: item.resourceLinkId, tag: item.tag };
        course.lineItems.push(made);
        const base = this.foreignLineItemIds ? "https://elsewhere.example" : this.origin;
        return json(201, { ...made, id: `${base}/ags/${course.id}/lineitems/${made.id}` }, "application/vnd.ims.lis.v2.lineitem+json");
      }
      if (!needs("lti-ags/scope/lineitem") && !needs("lti-ags/scope/lineitem.readonly")) return json(401, { error: "no token" });
      const wanted = url.searchParams.get("resource_link_id");
      return json(
        200,
        course.lineItems.filter((l) => !wanted || l.resourceLinkId === wanted).map((l) => ({ ...l, id: `${this.origin}/ags/${course.id}/lineitems/${l.id}` })),
        "application/vnd.ims.lis.v2.lineitemcontainer+json",
      );
    }

    const scores = /^\/ags\/([^/]+)\/lineitems\/([^/]+)\/scores$/.exec(url.pathname);
    if (scores && req.method === "POST") {
      if (!needs("lti-ags/scope/score")) return json(401, { error: "no token" });
      if (!/application\/vnd\.ims\.lis\.v1\.score\+json/.test(req.headers["content-type"] ?? "")) return json(415, { error: "score media type" });
      const column = this.courses.get(decodeURIComponent(scores[1]))?.lineItems.find((l) => l.id === scores[2]);
      if (!column) return json(404, { error: "not_found", error_description: "No such line item." });
      const score = JSON.parse(body) as Omit<PostedScore, "lineItem">;
      if (this.courses.get(decodeURIComponent(scores[1]))?.refuseScoresFor?.includes(score.userId)) return json(422, { error: "not_in_course", error_description: "This user is not in the course." });
      this.received.scores.push({ ...score, lineItem: `${this.origin}/ags/${scores[1]}/lineitems/${scores[2]}` });
      res.writeHead(204).end();
      return;
    }

    return json(404, { error: "not found" });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** A form that posts itself (as an LMS's pages do), with a button for a browser without scripts. */
function autoPost(action: string, fields: Record<string, string>, target = "_self"): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join("");
  return `<form id="post" method="post" action="${escape(action)}" target="${escape(target)}">${inputs}<button type="submit">Continue</button></form><script>document.getElementById("post").submit()</script>`;
}
