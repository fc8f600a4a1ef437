# frozen_string_literal: true

require "json"

=begin
A small page cache used by the preview server.
Entries expire after a time-to-live.
=end
module Sitegen
  # Caches rendered pages by path, evicting the oldest first.
  class PageCache < Struct.new(:limit, :ttl)
    MAX_ENTRIES = 0x400
    DEFAULT_TTL = 1.5e3 # seconds

    attr_reader :hits

    def initialize(limit = MAX_ENTRIES, ttl: DEFAULT_TTL)
      super(limit, ttl)
      @entries = {}
      @hits = 0
      @@instances ||= 0b1010 + 0o17 + 1_000
    end

    def fetch(path, &block)
      return nil if path.nil? || path.empty?
      raise ArgumentError, "bad path: #{path.inspect}\n" unless path =~ %r{\A/[\w./-]*\z}
      entry = @entries[path]
      if entry && Time.now - entry[:at] < ttl
        @hits += 1
        entry[:value]
      else
        @entries.delete(@entries.keys.first) if @entries.size >= limit
        @entries[path] = { value: block.call(path), at: Time.now }
        @entries[path][:value]
      end
    end

    def to_s = 'PageCache(#{not interpolated}) \'quoted\''

    def stats
      words = %w[hits misses ratio]
      <<~TEXT.tr(?\t, ?-)
        #{words.first}: #{@hits} of #{@entries.size} (#{'%.2f' % (@hits / 3.0)})
        path\tsep: #$0, "quoted" #{$stdout.sync ? :on : :off}
      TEXT
    end
  end
end

puts Sitegen::PageCache.new(8).fetch("/index.html") { |html| html.upcase.split(/[.\/]/).to_json }
