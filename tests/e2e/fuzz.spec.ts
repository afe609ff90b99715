import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import fc from "fast-check";
import { DEMO_ORG_COOKIE } from "@/lib/auth/demo-cookie";
import { budget } from "./support/budget";
import { type FieldValue, formOn, type PageForm, postForm, serverActions } from "./support/forms";
import {
  choiceValues,
  extraFields,
  hiddenFields,
  oddString,
  oddValues,
  RUNS,
  SEED,
} from "./support/fuzz-values";
import { expect, newClientAddress, test } from "./support/test";
import { createPerson, createWorld, newCommissioner, type Org, type World } from "./support/world";

/**
 * Every form and API route fed bad input through its real handler, over HTTP against `next start`,
 * as the actor who may use it: wrong types, huge and odd Unicode, missing, repeated and extra fields,
 * numbers out of range, tampered hidden fields. Every case must get a clear message (the error
 * summary) or a 4xx, never a 500 nor the generic "something went wrong", and must store nothing:
 * each page's state is the same afterwards, the draft being answered included.
 *
 * Each case keeps one field surely wrong (the "breaker"), so no case is valid input by chance.
 * Runs RUNS cases per form (FUZZ_RUNS), from a fixed seed (FUZZ_SEED), without shrinking.
 */

// Each case is one post, with a few page reads around them.
test.describe.configure({ timeout: budget({ requests: RUNS + 10 }) });

const GENERIC = "Sorry, something went wrong";
const ALLOWED = [200, 400, 403, 404, 409, 413, 429];

type Values = [string, FieldValue][];

/** `intact`: React's own hidden fields were sent as written; tampered ones make it drop the form's state. */
async function expectRefused(response: APIResponse, what: string, intact = true) {
  const status = response.status();
  const body = await response.text();
  expect(status, `${what}: status ${status}\n${body.slice(0, 300)}`).toBeLessThan(500);
  expect(ALLOWED, `${what}: status ${status}`).toContain(status);
  expect(body, what).not.toContain(GENERIC);
  // A page shown again must say what is wrong: the error summary.
  if (intact && status === 200 && (response.headers()["content-type"] ?? "").includes("text/html")) {
    expect(body, `${what}: no error shown`).toContain('role="alert"');
  }
  expect(response.headers()["set-cookie"] ?? "", what).not.toMatch(
    /session_token=[^;]|chainwise-demo-org=[^;]/,
  );
}

/** Shortens a counterexample for the report: long strings by their length and first characters. */
function brief(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string" && v.length > 60
      ? `${v.slice(0, 40)}… (${v.length} characters)`
      : v instanceof Object && "buffer" in v
        ? `(a file)`
        : v,
  );
}

/** Runs a property RUNS times from SEED, without shrinking, and reports a failure briefly. */
async function check<T>(property: fc.IAsyncProperty<T>, runs = RUNS) {
  // FUZZ_RUNS=0 (or a typo) would pass having tried nothing.
  expect(runs, "cases to run").toBeGreaterThan(0);
  const result = await fc.check(property, { numRuns: runs, seed: SEED, endOnFailure: true });
  if (!result.failed) {
    expect(result.numRuns, "cases run").toBe(runs);
    return;
  }
  const cause =
    result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  throw new Error(
    `failed after ${result.numRuns} cases (seed ${result.seed}, path ${result.counterexamplePath})\n` +
      `case: ${brief(result.counterexample).slice(0, 3_000)}\n${cause.slice(0, 1_500)}`,
  );
}

/** The page's main content without what changes on every response (nonces), to compare states. */
async function snapshot(request: APIRequestContext, url: string): Promise<string> {
  const html = await (await request.get(url)).text();
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html;
  // React numbers a page's action forms ($ACTION_REF_1, $ACTION_1:0) in render order, which varies.
  return main.replace(/ nonce="[^"]*"/g, "").replace(/\$ACTION_(REF_)?\d+/g, "$ACTION_$1n");
}

/** Hidden fields React writes for a useActionState form, made for an action the page does not render. */
function actionFields(actionId: string): [string, string][] {
  return [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" })],
    ["$ACTION_1:1", JSON.stringify([{ status: "idle", errors: [] }])],
    ["$ACTION_KEY", "k0"],
  ];
}

/** A form as a page would render it for `action`, for actions whose form this actor is not shown. */
function synthetic(action: string, fields: string[]): PageForm {
  const id = serverActions().get(action)?.id;
  if (!id) throw new Error(`no server action ${action} in the build`);
  return { hidden: actionFields(id), fields, options: new Map(), buttons: [], text: "", synthetic: true };
}

interface Target {
  name: string;
  request: () => APIRequestContext;
  /** The page the form is on; it is posted back to the same address. */
  url: () => string;
  form: () => Promise<PageForm>;
  /** One field, and values for it the action must refuse. */
  breaker: (form: PageForm) => [string, fc.Arbitrary<FieldValue[]>];
  /** Pages whose content must not change. */
  watch: () => string[];
}

/** Runs RUNS bad cases against one form and checks nothing changed. */
async function fuzzForm(target: Target, origin: string) {
  const form = await target.form();
  const request = target.request();
  const [brokenName, broken] = target.breaker(form);
  const before = await Promise.all(target.watch().map((url) => snapshot(request, url)));
  const others = form.fields.filter((f) => f !== brokenName);
  const kept = form.hidden.filter(([name]) => name !== brokenName);
  const caseArb = fc.record({
    hidden: hiddenFields(kept),
    values: fc.tuple(
      ...others.map((field) =>
        choiceValues(form.options.get(field) ?? []).map((vs): Values => vs.map((v) => [field, v])),
      ),
    ),
    broken: broken.map((vs): Values => vs.map((v) => [brokenName, v])),
    button: form.buttons.length
      ? fc.option(fc.constantFrom(...form.buttons), { nil: undefined })
      : fc.constant(undefined),
    extra: extraFields,
    order: fc.boolean(),
  });
  const reactFields = form.hidden.filter(([name]) => name.startsWith("$ACTION_"));
  await check(
    fc.asyncProperty(caseArb, async (c) => {
      const values: Values = [...c.values.flat(), ...c.broken, ...(c.button ? [c.button] : []), ...c.extra];
      if (c.order) values.reverse();
      const response = await postForm(request, target.url(), origin, c.hidden, values);
      // A form the page does not show has no place to show the action's message.
      const intact =
        !form.synthetic &&
        reactFields.every(([name, value]) => c.hidden.some(([n, v]) => n === name && v === value));
      await expectRefused(response, target.name, intact);
    }),
  );
  const after = await Promise.all(target.watch().map((url) => snapshot(request, url)));
  expect(after, `${target.name} changed what it must not`).toEqual(before);
}

const notOneOf = (allowed: readonly string[]) =>
  oddValues.filter(
    (vs) => vs.length > 0 && !vs.every((v) => typeof v === "string" && allowed.includes(v.trim())),
  );
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const notEmail = oddValues.filter((vs) => !vs.some((v) => typeof v === "string" && EMAIL.test(v.trim())));
const NUMBER = /^\s*-?[\d,]+(\.\d+)?\s*%?\s*$/;
const notNumber = oddValues.filter(
  (vs) => vs.length > 0 && typeof vs[0] === "string" && vs[0].trim() !== "" && !NUMBER.test(vs[0]),
);
/** Text longer than a field allows. */
const tooLong = (max: number): fc.Arbitrary<FieldValue[]> =>
  fc.string({ minLength: 1, maxLength: 20 }).map((tail): FieldValue[] => [`${"x".repeat(max)}${tail}`]);
const REAL_DATE = /^\s*\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\s*$/;
const notRealDate = oddValues.filter((vs) => !vs.some((v) => typeof v === "string" && REAL_DATE.test(v)));
const shortPassword: fc.Arbitrary<FieldValue[]> = fc.oneof(
  fc.string({ maxLength: 11 }).map((v): FieldValue[] => [v]),
  fc.constant<FieldValue[]>(["x".repeat(129)]),
  fc.constant<FieldValue[]>([]),
);

/** Acts for a demo organisation in a context of its own, as the demo page leaves a visitor (its cookie). */
async function actAs(browser: Browser, baseURL: string, organisation: Org) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: DEMO_ORG_COOKIE, value: organisation.id, url: baseURL }]);
  const dashboard = await context.request.get("/dashboard", { maxRedirects: 0 });
  expect(dashboard.status(), `acting for ${organisation.name}`).toBe(200);
  return context;
}

/** The value of the radio or checkbox whose label matches. */
function valueForLabel(html: string, label: RegExp): string {
  const values = new Map<string, string>();
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const id = / id="([^"]+)"/.exec(tag)?.[1];
    const value = / value="([^"]*)"/.exec(tag)?.[1];
    if (id && value !== undefined) values.set(id, value);
  }
  for (const [, id = "", text = ""] of html.matchAll(
    /<label\b[^>]*for="([^"]+)"[^>]*>([\s\S]*?)<\/label>/g,
  )) {
    if (label.test(text.replace(/<[^>]+>/g, "").trim()) && values.has(id)) return values.get(id) ?? "";
  }
  throw new Error(`no field labelled ${label}`);
}

const wellFormed = (value: string) => value.replace(/[\uD800-\uDFFF]/g, "\uFFFD");

/** The first link on a page whose text matches, as a path. */
async function linkOn(request: APIRequestContext, url: string, text: RegExp): Promise<string> {
  const html = await (await request.get(url)).text();
  for (const [, href = "", inner = ""] of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
    // React writes an apostrophe in text as &#x27;.
    const shown = inner.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
    if (text.test(shown)) return href.replace(/&amp;/g, "&");
  }
  throw new Error(`no link ${text} on ${url}`);
}

test.describe("bad input to every form", () => {
  let origin: string;
  let anonymous: APIRequestContext;
  let partner: APIRequestContext;
  let newcomer: APIRequestContext;
  let submitted: APIRequestContext;
  let council: APIRequestContext;
  let signedIn: APIRequestContext;
  let draft: string;
  let draftRevision: string | undefined;
  let answered: string;
  let startPage: string;
  let contract: string;
  let invitation: string;
  let prime: APIRequestContext;
  let primeReport: string;
  let removePage: string;
  let world: World;

  test.beforeAll(async ({ browser, app, db }) => {
    test.setTimeout(budget({ pages: 20 }));
    origin = app.url;
    const baseURL = app.url;
    anonymous = (await browser.newContext({ baseURL })).request;
    // A contract of the spec's own: one partner has submitted, one has a draft part-way (which the
    // fuzzing must leave as it was), one has not started, and one has a signed-in administrator.
    world = await createWorld(db, { partners: 4, submitted: 1, drafts: 1 });
    const [hasSubmitted, hasDraft, hasNotStarted, hasAccount] = world.partners;
    if (!hasSubmitted || !hasDraft || !hasNotStarted || !hasAccount) throw new Error("the world is short");
    partner = (await actAs(browser, origin, hasDraft)).request;
    const rate = await linkOn(partner, "/dashboard", /^Rate /);
    draft = await linkOn(partner, rate, /Continue where you left off/);
    draftRevision = (await formOn(partner, `${draft}/risk-sharing`, "revision")).hidden.find(
      ([n]) => n === "revision",
    )?.[1];
    // A partner who has not started, so its start page has the start form.
    newcomer = (await actAs(browser, origin, hasNotStarted)).request;
    startPage = await linkOn(newcomer, "/dashboard", /^Rate /);
    submitted = (await actAs(browser, origin, hasSubmitted)).request;
    answered = await linkOn(
      submitted,
      await linkOn(submitted, "/dashboard", /^Rate /),
      /See what you submitted/,
    );
    council = (await actAs(browser, origin, world.council)).request;
    contract = `/contracts/${world.contract.id}`;
    // The prime on its own dashboard, with its reply and action-plan forms.
    prime = (await actAs(browser, origin, world.prime)).request;
    primeReport = await linkOn(prime, "/dashboard", /your view beside your partners/);

    // An administrator with an account, signed in (so the account forms can be fuzzed) and invited by
    // the council (so the accept form can be).
    const person = await createPerson(db, baseURL, { organisation: hasAccount });
    const invite = await formOn(council, `${contract}/invitations`, "email");
    const choice = valueForLabel(
      await (await council.get(`${contract}/invitations`)).text(),
      new RegExp(`^${hasAccount.name}`),
    );
    const sent = await postForm(council, `${contract}/invitations`, origin, invite.hidden, [
      ["invitee", choice],
      ["email", person.email],
    ]);
    expect(sent.status()).toBe(303);
    invitation = new URL(
      await linkOn(anonymous, `/dev/outbox?to=${encodeURIComponent(person.email)}`, /\/invitations\//),
    ).pathname;
    const context = await browser.newContext({
      baseURL,
      extraHTTPHeaders: { "X-Forwarded-For": newClientAddress() },
    });
    signedIn = context.request;
    const signInForm = await formOn(signedIn, "/sign-in", "email");
    const signIn = await postForm(signedIn, "/sign-in", origin, signInForm.hidden, [
      ["email", person.email],
      ["password", person.password],
    ]);
    expect(signIn.status()).toBe(303);
    // The confirmation page of removing the administrator themself: the form removeMemberAction runs on.
    removePage = await linkOn(signedIn, "/account/members", /^Remove/);
  });

  const targets: Target[] = [
    {
      name: "demo chooser",
      request: () => anonymous,
      url: () => "/demo",
      form: () => formOn(anonymous, "/demo", "organisationId"),
      breaker: (form) => ["organisationId", notOneOf(form.options.get("organisationId") ?? [])],
      watch: () => ["/demo"],
    },
    {
      name: "sign in",
      request: () => anonymous,
      url: () => "/sign-in",
      form: () => formOn(anonymous, "/sign-in", "password"),
      breaker: () => ["email", notEmail],
      watch: () => [],
    },
    {
      name: "sign up",
      request: () => anonymous,
      url: () => "/sign-up",
      form: () => formOn(anonymous, "/sign-up", "password"),
      breaker: () => ["email", notEmail],
      watch: () => [],
    },
    {
      name: "forgotten password",
      request: () => anonymous,
      url: () => "/forgot-password",
      form: () => formOn(anonymous, "/forgot-password", "email"),
      breaker: () => ["email", notEmail],
      watch: () => ["/dev/outbox"],
    },
    {
      name: "reset password",
      request: () => anonymous,
      url: () => "/reset-password?token=not-a-real-token",
      form: () => formOn(anonymous, "/reset-password?token=not-a-real-token", "password"),
      breaker: () => ["password", shortPassword],
      watch: () => [],
    },
    {
      name: "switch organisation",
      request: () => signedIn,
      url: () => "/account",
      // The page offers a switch only to people in several organisations: otherwise, as it would post.
      form: () =>
        formOn(signedIn, "/account", "organisationId").catch(() => synthetic("switchOrganisationAction", [])),
      breaker: () => ["organisationId", oddValues],
      watch: () => ["/account"],
    },
    {
      name: "accept an invitation",
      request: () => signedIn,
      url: () => invitation,
      form: () => formOn(signedIn, invitation, "token"),
      breaker: () => ["token", oddValues],
      watch: () => [invitation, "/account"],
    },
    {
      name: "start a rating",
      request: () => newcomer,
      url: () => startPage,
      form: () => formOn(newcomer, startPage, "perspective"),
      breaker: () => ["perspective", notOneOf(["subcontractor", "prime"])],
      watch: () => [startPage, "/dashboard"],
    },
    ...(["risk-sharing", "fair-payment"] as const).map(
      (principle): Target => ({
        name: `save the ${principle} page`,
        request: () => partner,
        url: () => `${draft}/${principle}`,
        form: () => formOn(partner, `${draft}/${principle}`, "revision"),
        breaker: (form) => {
          // One question answered with something it does not offer (or a word where a number goes).
          const question = form.fields.find((f) => !f.includes(":")) ?? "";
          const options = form.options.get(question);
          return [question, options ? notOneOf(options) : notNumber];
        },
        watch: () => [draft, `${draft}/${principle}`, `${draft}/check`],
      }),
    ),
    {
      name: "submit",
      request: () => partner,
      url: () => `${draft}/check`,
      // The check page offers "Submit" only once every question is answered; post as it would.
      form: async () => synthetic("submitAction", ["revision"]),
      breaker: () => ["assessmentId", oddValues],
      watch: () => [draft, `${draft}/check`],
    },
    {
      name: "start a correction",
      request: () => submitted,
      url: () => answered,
      form: () => formOn(submitted, answered, "assessmentId"),
      breaker: () => ["assessmentId", oddValues],
      watch: () => [answered, "/dashboard"],
    },
    {
      name: "create a contract",
      request: () => council,
      url: () => "/contracts/new",
      form: () => formOn(council, "/contracts/new", "title"),
      breaker: (form) => ["valueBand", notOneOf(form.options.get("valueBand") ?? [])],
      watch: () => ["/contracts"],
    },
    {
      name: "add a partner",
      request: () => council,
      url: () => contract,
      form: () => formOn(council, contract, "sizeBand"),
      breaker: (form) => ["sizeBand", notOneOf(form.options.get("sizeBand") ?? [])],
      watch: () => [contract],
    },
    {
      name: "change a partner",
      request: () => council,
      url: () => contract,
      form: () => formOn(council, contract, "supplyChainMemberId"),
      breaker: (form) => ["status", notOneOf(form.options.get("status") ?? [])],
      watch: () => [contract],
    },
    {
      name: "open a cycle",
      request: () => council,
      url: () => contract,
      form: () => formOn(council, contract, "cycleName"),
      breaker: () => [
        "opensAt",
        oddValues.filter(
          (vs) => !vs.some((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())),
        ),
      ],
      watch: () => [contract],
    },
    {
      name: "invite",
      request: () => council,
      url: () => `${contract}/invitations`,
      form: () => formOn(council, `${contract}/invitations`, "email"),
      breaker: () => ["email", notEmail],
      watch: () => [`${contract}/invitations`, "/dev/outbox"],
    },
    {
      name: "reply to partners' view",
      request: () => prime,
      // The reply has a page of its own beside the report.
      url: () => replyPage(primeReport),
      form: () => formOn(prime, replyPage(primeReport), "cycleId"),
      breaker: () => ["reply-fair-payment", tooLong(2000)],
      watch: () => [primeReport],
    },
    {
      name: "add to the action plan",
      request: () => prime,
      url: () => primeReport,
      form: () => formOn(prime, primeReport, "owner"),
      breaker: () => ["dueDate", notRealDate],
      watch: () => [primeReport],
    },
    {
      name: "move an action on",
      request: () => prime,
      url: () => primeReport,
      // The plan is empty until the prime adds an action; post as a row's form would.
      form: async () => synthetic("setActionStatusAction", ["contractId", "primeId", "itemId"]),
      breaker: () => ["status", notOneOf(["PLANNED", "IN_PROGRESS", "DONE"])],
      watch: () => [primeReport],
    },
    {
      name: "create an API key",
      request: () => signedIn,
      url: () => "/account/api-keys",
      form: () => formOn(signedIn, "/account/api-keys", "name"),
      breaker: () => [
        "name",
        fc.oneof(tooLong(80), fc.constant<FieldValue[]>(["   "]), fc.constant<FieldValue[]>([])),
      ],
      watch: () => ["/account/api-keys"],
    },
    {
      name: "revoke an API key",
      request: () => signedIn,
      url: () => "/account/api-keys",
      form: async () => synthetic("revokeApiKeyAction", []),
      breaker: () => ["id", oddValues],
      watch: () => ["/account/api-keys"],
    },
    {
      name: "change a member's role",
      request: () => signedIn,
      url: () => "/account/members",
      form: async () => synthetic("changeRoleAction", ["membershipId"]),
      breaker: () => ["role", notOneOf(["ADMIN", "MEMBER"])],
      watch: () => ["/account/members"],
    },
    {
      name: "remove a member",
      request: () => signedIn,
      // Its own page: the action is only served there (posted to /account/members, Next.js cannot
      // find it and answers 404 without running it).
      url: () => removePage,
      form: () => formOn(signedIn, removePage, "membershipId"),
      breaker: () => ["membershipId", oddValues],
      watch: () => ["/account/members", removePage],
    },
    {
      name: "import OCDS",
      request: () => council,
      url: () => "/contracts/import",
      form: () => formOn(council, "/contracts/import", "file"),
      breaker: () => ["file", oddValues],
      watch: () => ["/contracts"],
    },
  ];

  for (const target of targets) {
    test(target.name, async () => {
      await fuzzForm(target, origin);
    });
  }

  test("the draft keeps every answer it had", async () => {
    // Each principle page as the partner left it: same answers, same revision (nothing saved).
    for (const principle of [
      "risk-sharing",
      "fair-payment",
      "capacity-building",
      "good-faith",
      "data-sharing",
    ]) {
      const form = await formOn(partner, `${draft}/${principle}`, "revision");
      expect(form.hidden.find(([n]) => n === "revision")?.[1], principle).toBe(draftRevision);
    }
    const list = await (await partner.get(draft)).text();
    expect(list).toContain(`Your rating of ${world.prime.name}`);
  });
});

test.describe("bad input to server actions called directly", () => {
  test("an action given arguments that are not a form refuses them", async ({ browser, baseURL, db }) => {
    const origin = baseURL ?? "";
    const council = (await actAs(browser, origin, await newCommissioner(db))).request;
    const bodies = ["[]", "[5]", '[{},"x"]', "[null,null]", '["$undefined",{"get":1}]', '"not a list"', "{"];
    const actions = serverActions();
    // Read from the build's manifest: if that moved or changed shape, an empty list would pass
    // having posted nothing.
    expect(
      actions.size,
      "server actions found in .next/server/server-reference-manifest.json",
    ).toBeGreaterThan(0);
    test.setTimeout(budget({ requests: actions.size * (bodies.length + 1) }));
    let posted = 0;
    for (const [name, action] of actions) {
      const page = action.page.replace(/\[[^\]]+\]/g, "x");
      for (const body of bodies) {
        const response = await council.post(page, {
          headers: { Origin: origin, "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8" },
          data: body,
          maxRedirects: 0,
        });
        expect(response.status(), `${name} on ${page} with ${body}`).toBeLessThan(500);
        posted++;
      }
      // A no-JavaScript post naming the action directly: the action gets the form as its first argument.
      const direct = await postForm(council, page, origin, [[`$ACTION_ID_${action.id}`, ""]], [["x", "y"]]);
      expect(direct.status(), `${name} called directly`).toBeLessThan(500);
      expect(await direct.text()).not.toContain(GENERIC);
      posted++;
    }
    expect(posted).toBe(actions.size * (bodies.length + 1));
  });

  test("pages given odd addresses answer 404 or redirect, never 500", async ({ browser, baseURL, db }) => {
    test.setTimeout(budget({ requests: RUNS }));
    const { partners } = await createWorld(db, { drafts: 1 });
    const partner = (await actAs(browser, baseURL ?? "", partners[0] as Org)).request;
    await check(
      fc.asyncProperty(
        oddString,
        fc.constantFrom(
          "/assessments/",
          "/contracts/",
          "/invitations/",
          "/dev/outbox?to=",
          "/demo?next=",
          "/reports?cycle=",
          "/reports?contract=",
          "/account/members/",
          "/api/reports/contracts/",
        ),
        fc.constantFrom(
          "",
          "/risk-sharing",
          "/check",
          "/confirmation",
          "/invitations",
          "/primes/x/rate",
          "/report",
          "/report?cycle=x",
          "/primes/x/report",
          "/report/export?format=csv",
          "/primes/x/report/export?format=pdf",
          "/primes/x/report/pack",
          "/primes/x/report/pack/pdf",
        ),
        async (id, at, suffix) => {
          const url = `${at}${encodeURIComponent(wellFormed(id.slice(0, 2_000)))}${suffix}`;
          const response = await partner.get(url, { maxRedirects: 0 });
          expect(response.status(), url.slice(0, 200)).toBeLessThan(500);
          expect(await response.text()).not.toContain(GENERIC);
        },
      ),
    );
  });
});

test.describe("bad input to the API", () => {
  test("Better Auth's endpoints answer 4xx to anything odd, and create no account", async ({
    request,
    baseURL,
  }) => {
    const paths = [
      "/sign-in/email",
      "/sign-up/email",
      "/sign-out",
      "/request-password-reset",
      "/reset-password",
      "/get-session",
      "/update-user",
      "/change-password",
      "/list-sessions",
      "/nothing-here",
      "/../../health",
    ];
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          email: fc.oneof(oddString, fc.jsonValue()),
          password: fc.oneof(fc.string({ maxLength: 11 }), fc.jsonValue()),
          name: fc.oneof(oddString, fc.jsonValue()),
          token: oddString,
          newPassword: fc.oneof(fc.string({ maxLength: 11 }), fc.jsonValue()),
          callbackURL: fc.constantFrom("https://attacker.example/", "javascript:alert(1)", "//evil", "/ok"),
        },
        { requiredKeys: [] },
      ),
    );
    await check(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        body,
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
        ),
        fc.nat({ max: 250 }),
        async (path, data, type, client) => {
          const response = await request.post(`/api/auth${path}`, {
            headers: {
              Origin: baseURL ?? "",
              "Content-Type": type,
              // An address of its own per case, away from the other specs' sign-in limits.
              "X-Forwarded-For": `203.0.113.${client}`,
            },
            data: JSON.stringify(data),
            maxRedirects: 0,
          });
          expect(response.status(), `${path} ${type} ${JSON.stringify(data).slice(0, 200)}`).toBeLessThan(
            500,
          );
          expect(response.headers()["set-cookie"] ?? "").not.toMatch(/session_token=[^;]/);
        },
      ),
      RUNS * 3,
    );
  });

  test("Better Auth's endpoints the product does not use are not served", async ({ request, baseURL }) => {
    for (const path of [
      "/update-user",
      "/change-password",
      "/list-sessions",
      "/revoke-sessions",
      "/delete-user",
    ]) {
      const response = await request.post(`/api/auth${path}`, {
        headers: { Origin: baseURL ?? "" },
        data: {},
      });
      expect(response.status(), path).toBe(404);
    }
    expect((await request.get("/api/auth/list-sessions")).status()).toBe(404);
    expect((await request.get("/api/auth/get-session")).status()).toBe(200);
  });

  test("the health endpoint answers GET and refuses other methods", async ({ request }) => {
    await check(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
        fc.string({ maxLength: 200 }),
        async (method, query) => {
          const response = await request.fetch(`/api/health?${encodeURIComponent(query)}`, {
            method,
            data: method === "GET" ? undefined : query,
          });
          expect(response.status(), `${method} ${query}`).toBeLessThan(500);
          if (method === "GET") expect(response.status()).toBe(200);
        },
      ),
    );
  });
});

/** The page where a prime writes its reply, beside the report at `report` (with any query kept). */
function replyPage(report: string): string {
  const [path, query] = report.split("?");
  return query ? `${path}/reply?${query}` : `${path}/reply`;
}
