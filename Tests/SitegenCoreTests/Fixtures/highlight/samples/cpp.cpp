// lru_cache.hpp -- a small LRU cache for rendered pages.
#pragma once
#include <cstdint>
#include <list>
#include <string_view>
#include <unordered_map>

namespace sitegen {

/// Keeps at most `capacity` entries, evicting the least recently used.
template <typename Key, typename Value, std::size_t Capacity = 0x400>
class [[nodiscard]] LruCache final {
public:
    using Entry = std::pair<Key, Value>;

    explicit LruCache(double load = 0.75f) noexcept : load_{load} {}
    virtual ~LruCache() = default;

    /* Returns nullptr when the key is missing. */
    const Value* find(const Key& key) {
        auto it = index_.find(key);
        if (it == index_.end()) return nullptr;
        order_.splice(order_.begin(), order_, it->second);
        return &it->second->second;
    }

    template <class... Args>
    void emplace(const Key& key, Args&&... args) {
        if (order_.size() >= Capacity) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
        order_.emplace_front(key, Value(std::forward<Args>(args)...));
        index_[key] = order_.begin();
    }

private:
    std::list<Entry> order_;
    std::unordered_map<Key, typename std::list<Entry>::iterator> index_;
    double load_ = 1.5e-3;
    static constexpr std::uint64_t kSeed = 0xcbf2'9ce4'8422'2325ULL;
};

inline auto banner() {
    using namespace std::literals;
    auto raw = R"(C:\pages\"index".html)";
    return u8"Caf\u00e9\t\"menu\"\n"s + raw + '\x41' + std::to_string(0b1010'1010 | 017);
}

}  // namespace sitegen
