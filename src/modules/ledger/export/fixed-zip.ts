import JSZip from 'jszip';

/**
 * Writes an Office file (a zip) again with every entry dated `at` and, in docProps/core.xml, `at` as
 * created and modified: the libraries stamp the moment they ran, and a ledger regenerated for the
 * same period and data must come out byte for byte the same.
 */
export async function fixedZip(
  content: Buffer | Uint8Array | ArrayBuffer,
  at: Date,
  rewrite: (name: string, xml: string) => string = (_name, xml) => xml,
): Promise<Buffer> {
  const source = await JSZip.loadAsync(content);
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fixed = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (entry.dir) continue;
    let data: Uint8Array | string = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      data = Buffer.from(data)
        .toString('utf8')
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    } else if (name.endsWith('.xml')) {
      const xml = Buffer.from(data).toString('utf8');
      const rewritten = rewrite(name, xml);
      if (rewritten !== xml) data = rewritten;
    }
    fixed.file(name, data, { date: at, createFolders: false });
  }
  return fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
