<?php
declare(strict_types=1);

namespace App\Feed;

use App\Models\{Post, Author};
use DateTimeImmutable;

/**
 * Renders an Atom feed for the latest posts.
 *
 * @param list<Post> $posts
 */
#[AsController(name: 'feed', priority: 10)]
final class FeedRenderer extends BaseRenderer implements \Stringable
{
    public const int MAX_ENTRIES = 20;
    private static ?self $instance = null;

    public function __construct(private readonly string $baseUrl, protected array $posts = []) {}

    public function render(int $limit = self::MAX_ENTRIES): string
    {
        // Newest first, then cut to the limit.
        $posts = array_slice($this->sorted(), 0, $limit);
        $updated = $posts[0]?->publishedAt ?? new DateTimeImmutable('now');
        $title = htmlspecialchars($this->title, ENT_QUOTES | ENT_XML1);

        $xml = <<<XML
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>{$title}</title>
          <updated>{$updated->format(DATE_ATOM)}</updated>
        XML;
        foreach ($posts as $i => $post) {
            $xml .= sprintf("  <entry id=\"%d\">%s</entry>\n", $i + 1, $post->title);
        }
        # Shell-style comments work too.
        return $xml . '</feed>' . PHP_EOL;
    }

    private function sorted(): array
    {
        $sorted = $this->posts;
        usort($sorted, fn(Post $a, Post $b): int => $b->date <=> $a->date);
        return match (count($sorted)) { 0 => [], default => $sorted };
    }

    public function __toString(): string { return "Feed at $this->baseUrl with {$this->count()} posts"; }
}
