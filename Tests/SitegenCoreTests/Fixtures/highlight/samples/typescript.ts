// Typed front matter for pages, with a tiny validation layer.
import type { Readable } from "node:stream";
import * as path from 'node:path';

export type Slug = string & { readonly __brand: "slug" };
export enum Status { Draft = 0x1, Published = 1 << 1, Archived = 2.5e1 }

export interface Page<T extends object = Record<string, unknown>> {
  title: string;
  date?: Date;
  tags: readonly string[];
  extra: T;
}

declare global {
  interface Window { __SITE__: Page | null }
}

function isSlug(value: unknown): value is Slug {
  return typeof value === "string" && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

@sealed
abstract class Loader<K extends keyof Page> implements Iterable<K> {
  private static readonly cache = new Map<string, Page>();
  protected constructor(public readonly root: string, private limit = 100n) {}

  abstract read(file: string): Promise<Readable>;

  async load(file: string): Promise<Page> {
    const slug = path.basename(file, '.md') as Slug;
    const page = Loader.cache.get(slug) ?? { title: `Untitled ${slug}\t#${this.limit}`, tags: [], extra: {} };
    if (!isSlug(slug)) throw new TypeError(`bad slug: "${slug}"`);
    return page satisfies Page;
  }

  *[Symbol.iterator](): Iterator<K> {
    yield* (["title", "tags"] as K[]);
  }
}

const status: Status = Status.Published, ratio = 3 / 4 / 2;
let entries: Array<[name: string, weight: number]> = [['a\'b', .5], ["\u{1F600}", -1]];
export default Loader;
