@file:JvmName("PageCaches")
package org.sitegen.cache

import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/**
 * A bounded LRU cache of rendered pages.
 * @param capacity the maximum number of entries
 */
class PageCache<K : Any, V>(private val capacity: Int = 0x400) {
    private val entries = LinkedHashMap<K, V>(16, 0.75f, true)
    private val mutex = Mutex()
    var hits: Long = 0L
        private set

    /* Looks a page up /* nested */ and renders it on a miss. */
    suspend fun getOrPut(key: K, render: suspend (K) -> V): V = mutex.withLock {
        entries[key]?.let { hits++; return it }
        val value = render(key)
        if (entries.size >= capacity) entries.remove(entries.keys.first())
        entries[key] = value
        value
    }

    override fun toString(): String = "PageCache(size=${entries.size}, hits=$hits)"
}

@Suppress("MagicNumber")
fun describe(value: Any?): String {
    val sep = '\t'
    val quote = '\''
    val ratio = 1.5e-3 * 2.0F + 3_000_000UL.toDouble()
    val path = """C:\pages\${'$'}name "quoted" ${ratio.toInt()}"""
    return when (value) {
        null -> "null\n"
        is Int -> "int\t${value shl 0b1010}$sep"
        is String -> "\"${value.uppercase()}\" \u00e9$quote"
        else -> path.lines().joinToString(separator = " ") { it.trim() }
    }
}

fun main() {
    loop@ for (i in 0 until 10) {
        if (i % 2 == 0) continue@loop
        println(describe(i) ?: "none")
    }
    val `odd name` = listOf(1, 2).map { it * 2 }!!
}
