import { SecretBox } from './secret-box.ts';

/**
 * Key-encryption keys by id, one of them active. Sealed values carry the id of the KEK that sealed
 * them ("<kekId>~<box>"), so after a rotation old values still open while they are re-wrapped.
 * The ring is mutable on purpose: a running server swaps in a reloaded key file without restarting.
 */
export class KeyRing {
  private boxes = new Map<string, SecretBox>();
  private keks: ReadonlyMap<string, Buffer> = new Map();
  private active = '';

  constructor(keks: ReadonlyMap<string, Buffer>, activeId: string) {
    this.replace(keks, activeId);
  }

  replace(keks: ReadonlyMap<string, Buffer>, activeId: string): void {
    if (!keks.has(activeId)) throw new Error(`active key-encryption key "${activeId}" is not in the key file`);
    this.boxes = new Map([...keks].map(([id, key]) => [id, new SecretBox(key)]));
    this.keks = new Map(keks);
    this.active = activeId;
  }

  /** The key-encryption keys, for writing a rotated key file. */
  exportKeks(): ReadonlyMap<string, Buffer> {
    return this.keks;
  }

  get activeId(): string {
    return this.active;
  }

  seal(plaintext: string, aad: string): string {
    return `${this.active}~${this.boxes.get(this.active)!.seal(plaintext, aad)}`;
  }

  open(sealed: string, aad: string): string {
    const cut = sealed.indexOf('~');
    const id = sealed.slice(0, cut);
    const box = this.boxes.get(id);
    if (cut < 1 || !box) throw new Error(`sealed with unknown key-encryption key "${id}"`);
    return box.open(sealed.slice(cut + 1), aad);
  }

  /** The KEK id a sealed value was made with. */
  static kekIdOf(sealed: string): string {
    return sealed.slice(0, sealed.indexOf('~'));
  }
}
