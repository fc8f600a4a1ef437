import Crypto
import Foundation

/// What a build produced: every output file with its SHA-256, what kind of file it is, its title where
/// known, its URL and the source files it came from. `OutputWriter` writes it to `.sitegen/manifest.json`;
/// `ManifestDiff` compares two of them. The JSON has sorted keys and `"version": 1`.
public struct Manifest: Sendable, Hashable, Codable {
    /// The format version written into every manifest; raised when a field changes meaning.
    public static let currentVersion = 1
    /// Where the writer puts the manifest, relative to the output root.
    public static let path = ".sitegen/manifest.json"

    /// The format version the manifest was written in.
    public var version: Int
    /// The absolute URL the site was built for, ending in `/` (empty when unknown).
    public var baseURL: String
    /// One per output file, sorted by path; the manifest and `.sitegen/` itself are never listed.
    public var entries: [Entry]

    /// A manifest of the current version; `entries` are sorted by path.
    public init(baseURL: String, entries: consuming [Entry]) {
        version = Self.currentVersion
        self.baseURL = baseURL
        // Sorted in place: `sorted` would copy every entry first.
        var entries = entries
        entries.sort { $0.path < $1.path }
        self.entries = entries
    }

    /// The entry of the file at `path`, found by binary search.
    public func entry(at path: String) -> Entry? {
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].path == path ? entries[low] : nil
    }

    /// The path part of `baseURL` (`/` or `/pr-42/`), with which every entry's `url` starts.
    public var basePath: String {
        var config = SiteConfig()
        config.baseURL = baseURL
        return config.basePath
    }

    /// One output file.
    public struct Entry: Sendable, Hashable, Codable {
        /// Relative to the output root: `blog/x/index.html`.
        public var path: String
        /// Lower-case hexadecimal SHA-256 of the file's bytes. Nil only in a build's in-memory manifest, for a
        /// file copied from disk: the pipeline does not read those, `OutputWriter` hashes them as it copies them.
        public var sha256: String?
        public var kind: Kind
        /// For pages and feeds: the article's title, `Home`, `Tag: ai`, `Home — page 2`, `RSS feed`, ….
        public var title: String?
        /// The site path, with the base path: `/blog/x/`, `/pr-42/feed.xml`.
        public var url: String
        /// Site-relative source files the output shows, sorted: an article page its Markdown file, a list page
        /// or feed the Markdown files of the articles it lists, a copied file the file itself. Templates and the
        /// config, which every page depends on, are not listed.
        public var sources: [String]

        /// An entry; `sources` are sorted.
        public init(path: String, sha256: String? = nil, kind: Kind, title: String? = nil, url: String, sources: [String] = []) {
            self.path = path
            self.sha256 = sha256
            self.kind = kind
            self.title = title
            self.url = url
            self.sources = sources.sorted()
        }
    }

    /// What an output file is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case article, home, tag, category
        case tagsIndex = "tags-index"
        case categoriesIndex = "categories-index"
        case archive
        case notFound = "not-found"
        case redirect, feed, sitemap, robots
        /// The search page.
        case search
        /// A file of the search index under `search/`.
        case searchIndex = "search-index"
        /// Published comparison and decision-helper JSON and CSV, and the decision format's schema.
        case data
        /// A theme file from `templates/assets/`.
        case asset
        /// A file of `public/`.
        case `static`
        /// A file beside an article in `content/` (a page bundle's image).
        case contentFile = "content-file"
    }

    /// Lower-case hexadecimal SHA-256 of `data`.
    public static func sha256(_ data: some DataProtocol) -> String {
        // Every page is hashed: the digits are written straight into the string's storage.
        String(unsafeUninitializedCapacity: 64) { hex in
            for (index, byte) in SHA256.hash(data: data).enumerated() {
                hex[2 * index] = hexDigit(byte >> 4)
                hex[2 * index + 1] = hexDigit(byte & 0x0F)
            }
            return 64
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    /// Reads a manifest written by `json()`; throws `ManifestError` for other JSON or another version.
    public init(json data: Data) throws {
        struct Header: Decodable { let version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), let version = header.version else {
            throw ManifestError("not a sitegen manifest (no JSON object with a 'version')")
        }
        guard version == Self.currentVersion else {
            throw ManifestError("manifest version \(version) is not supported (this sitegen reads version \(Self.currentVersion))")
        }
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw ManifestError("not a valid sitegen manifest: \(error)")
        }
        entries.sort { $0.path < $1.path }
    }
}

/// A manifest that cannot be read.
public struct ManifestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, starting with the file's path where there is one.
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
