-- Schema for the comment service (PostgreSQL 15).
/* Every table has a surrogate key;
   timestamps are stored in UTC. */
CREATE TABLE IF NOT EXISTS authors (
    id          BIGSERIAL PRIMARY KEY,
    handle      VARCHAR(40) NOT NULL UNIQUE,
    display     TEXT,
    karma       INTEGER DEFAULT 0 CHECK (karma >= 0),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE comments (
    id         BIGSERIAL PRIMARY KEY,
    author_id  BIGINT REFERENCES authors (id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    score      NUMERIC(5, 2) DEFAULT 1.5e0,
    is_spam    BOOLEAN DEFAULT false
);

INSERT INTO authors (handle, display, karma)
VALUES ('ada', 'Ada Lovelace', 42),
       ('grace', 'Grace O''Hopper', 7);

-- Top authors of the last 30 days, with their rank.
WITH recent AS (
    SELECT c.author_id, COUNT(*) AS n, AVG(c.score)::numeric(5, 2) AS avg_score
    FROM comments AS c
    WHERE c.is_spam IS NOT TRUE
      AND c.body NOT LIKE '%http://%'
    GROUP BY c.author_id
    HAVING COUNT(*) > 3
)
SELECT a.handle,
       COALESCE(a.display, a.handle) AS name,
       r.n,
       rank() OVER (ORDER BY r.n DESC, a.handle) AS position,
       CASE WHEN r.avg_score > 4 THEN 'great' ELSE 'ok' END AS verdict
FROM recent r
JOIN authors a ON a.id = r.author_id
WHERE a.created_at < now() - INTERVAL '30 days' OR a.karma BETWEEN $1 AND $2
ORDER BY position
LIMIT 10 OFFSET 0;

UPDATE authors SET karma = karma + 1 WHERE handle = 'ada' RETURNING id, karma;
DELETE FROM comments WHERE is_spam = TRUE AND score < .5;
