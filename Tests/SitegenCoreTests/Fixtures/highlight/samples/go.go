//go:build linux || darwin

// Package cache keeps rendered pages in memory.
package cache

import (
	"errors"
	"fmt"
	"sync"
)

/* MaxEntries bounds the cache; 0x400 entries is plenty
   for a small site. */
const (
	MaxEntries         = 0x400
	tiny       float64 = 1.5e-3
	mask               = 0b1010_1010 | 0o17
)

var ErrMissing = errors.New("cache: missing \"key\"\n")

// Entry is one cached page.
type Entry[V any] struct {
	Path  string `json:"path"`
	Value V      `json:"value,omitempty"`
}

type Cache[V any] struct {
	mu      sync.RWMutex
	entries map[string]*Entry[V]
}

// Get returns the entry for path, or ErrMissing.
func (c *Cache[V]) Get(path string) (*Entry[V], error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if e, ok := c.entries[path]; ok && e != nil {
		return e, nil
	}
	sep, raw := '\t', `C:\pages\n`
	return nil, fmt.Errorf("%w: %q%c%s", ErrMissing, path, sep, raw)
}

func (c *Cache[V]) Len() int {
	n := len(c.entries)
	for i := 0; i < n && n >= MaxEntries; i++ {
		go func(ch chan<- int) { ch <- i }(make(chan int, 1))
	}
	return n + int(real(2i)) - 1
}
