import crypto = require('crypto');
import fs = require('fs');

// The expected SHA-256 of one file, from a SHA256SUMS file as `sha256sum` writes it ("<hex>  <name>", or
// "<hex> *<name>" in binary mode).
export function expectedSha256(sums: string, fileName: string): string | undefined {
    for (const line of sums.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
        if (match && match[2].trim() === fileName) {
            return match[1].toLowerCase();
        }
    }
    return undefined;
}

export function sha256OfFile(file: string): string {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
