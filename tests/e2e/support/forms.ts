import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Server actions driven over HTTP as a browser without JavaScript drives them: read a page's forms
 * (the hidden fields React writes for a no-JavaScript post, and the names of the visible fields),
 * then post a multipart body to the page. Used by the fuzz spec to reach every action's real handler.
 */

export interface PageForm {
  /** React's hidden fields ($ACTION_…) and the form's own hidden inputs, in order. */
  hidden: [string, string][];
  /** The names of the visible fields: text, radios, checkboxes, selects, textareas, files. */
  fields: string[];
  /** Values offered by radios, checkboxes and selects, by field name. */
  options: Map<string, string[]>;
  /** Submit buttons that carry a name and value (e.g. intent=continue). */
  buttons: [string, string][];
  /** The text of the form, to tell forms on one page apart. */
  text: string;
  /** Made by the test for an action whose form the page does not show this actor. */
  synthetic?: boolean;
}

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:$-]+)(?:="([^"]*)")?/g)) {
    const [, name = "", value = ""] = match;
    found.set(name.toLowerCase(), decode(value));
  }
  return found;
}

/** The forms of a page's HTML, as the server rendered it. */
export function parseForms(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const [, body = ""] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const hidden: [string, string][] = [];
    const fields = new Set<string>();
    const options = new Map<string, string[]>();
    const buttons: [string, string][] = [];
    const offer = (name: string, value: string) => options.set(name, [...(options.get(name) ?? []), value]);
    for (const [tag] of body.matchAll(/<(input|textarea|select|button)\b[^>]*>/g)) {
      const attrs = attributes(tag.slice(tag.indexOf(" ")));
      const name = attrs.get("name");
      if (!name) continue;
      const element = /^<(\w+)/.exec(tag)?.[1];
      const type = attrs.get("type") ?? "text";
      if (element === "button") buttons.push([name, attrs.get("value") ?? ""]);
      else if (element === "input" && type === "hidden") hidden.push([name, attrs.get("value") ?? ""]);
      else {
        fields.add(name);
        if (type === "radio" || type === "checkbox") offer(name, attrs.get("value") ?? "on");
      }
    }
    for (const [, name = "", inner = ""] of body.matchAll(
      /<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
    )) {
      for (const [, value = ""] of inner.matchAll(/<option\b[^>]*value="([^"]*)"/g))
        offer(name, decode(value));
    }
    const text = decode(
      body
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );
    forms.push({ hidden, fields: [...fields], options, buttons, text });
  }
  return forms;
}

export async function formsOn(request: APIRequestContext, url: string): Promise<PageForm[]> {
  const response = await request.get(url);
  if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`);
  return parseForms(await response.text());
}

/** One form of the page, found by a field it has (and optionally text it contains). */
export async function formOn(
  request: APIRequestContext,
  url: string,
  field: string,
  text?: string,
): Promise<PageForm> {
  const forms = await formsOn(request, url);
  const form = forms.find(
    (f) =>
      (f.fields.includes(field) || f.hidden.some(([n]) => n === field)) && (!text || f.text.includes(text)),
  );
  if (!form) throw new Error(`no form with a field "${field}" on ${url}`);
  return form;
}

export type FieldValue = string | { name: string; mimeType: string; buffer: Buffer };

/** Posts the form with its hidden fields (or `hidden`, when given) and `values`, as a browser would. */
export async function postForm(
  request: APIRequestContext,
  url: string,
  origin: string,
  hidden: [string, string][],
  values: [string, FieldValue][],
): Promise<APIResponse> {
  const body = new FormData();
  for (const [name, value] of hidden) body.append(name, value);
  for (const [name, value] of values) {
    if (typeof value === "string") body.append(name, value);
    else body.append(name, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  }
  return request.post(url, { headers: { Origin: origin }, multipart: body, maxRedirects: 0 });
}

/** Every server action of the build, by exported name, with a page that can run it. */
export function serverActions(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(
    readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };
  const actions = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers).find((w) => w.startsWith("app/") && w.endsWith("/page"));
    if (worker) actions.set(entry.exportedName, { id, page: worker.slice(3, -5) || "/" });
  }
  return actions;
}
