// What Rebound's own server does before Remix sees a request (decision 009).
import { DEMO_TEACHER, expect, logIn, test } from "./fixtures";

test("pages carry the security headers, and signed-in pages are never cached", async ({ page, request }) => {
  const anonymous = await request.get("/login");
  const headers = anonymous.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  // Nobody may frame the app but the LMS platforms a site administrator registered (decision 023; the LTI
  // journey may have registered one in this run's database): 'none', or named origins, never a wildcard.
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors ('none'|https?:\/\/[^\s;*]+( https?:\/\/[^\s;*]+)*);/);
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();

  await logIn(page, DEMO_TEACHER);
  const signedIn = await page.request.get("/teach");
  expect(signedIn.headers()["cache-control"]).toBe("no-store");
});

test("a state-changing request from another site is refused on every path, Remix's data requests included", async ({ page, baseURL }) => {
  await logIn(page, DEMO_TEACHER);
  const before = await page.request.get("/teach");
  const classesBefore = ((await before.text()).match(/join code/g) ?? []).length;
  for (const path of ["/teach?_data=routes%2Fteach._index", "/teach.data?index", "/teach?index"]) {
    for (const origin of ["http://evil.example", "null"]) {
      const res = await page.request.post(path, { headers: { Origin: origin }, form: { name: "Planted class" } });
      expect(res.status(), `${path} from ${origin}`).toBe(403);
      expect(await res.text()).toContain("sent from another site");
    }
  }
  const after = await page.request.get("/teach");
  expect(((await after.text()).match(/join code/g) ?? []).length).toBe(classesBefore);
  // The same form from this site works.
  const ok = await page.request.post("/teach?index", { headers: { Origin: baseURL! }, form: { name: "Real class" }, maxRedirects: 0 });
  expect(ok.status()).toBe(302);
});

test("bodies that are not forms are refused with 415, oversized ones with 413, never a 500", async ({ request, baseURL }) => {
  const headers = { Origin: baseURL! };
  const json = await request.post("/login", { headers, data: { email: "a@b.c", password: "x" } });
  expect(json.status()).toBe(415);
  const text = await request.post("/login", { headers: { ...headers, "Content-Type": "text/plain" }, data: "email=a" });
  expect(text.status()).toBe(415);
  const huge = await request.post("/login", { headers, form: { email: "a@b.c", password: "x".repeat(2 * 1024 * 1024) } });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("too much to send at once");
});
