const KEY = 'lianmeng.reloadedFor';

/**
 * A tab opened before a release asks for a page's chunk that the release removed: load the new
 * release instead of failing. Once per release (the entry chunk's hashed URL names it), so a chunk
 * that fails for another reason shows the error page rather than reloading forever.
 */
export function reloadOnStaleChunk(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const release = import.meta.url;
    if (sessionStorage.getItem(KEY) === release) return;
    sessionStorage.setItem(KEY, release);
    event.preventDefault();
    window.location.reload();
  });
}
