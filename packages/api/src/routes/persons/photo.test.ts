import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let sw: Session;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  sw = await t.login('social_worker');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: sw.headers,
    payload: { label: 'R', identity: { names: [{ family: 'Meas', given: 'Bopha' }] } },
  });
  personId = res.json().id;
});
afterAll(async () => t.close());

/** A real JPEG carrying EXIF with a description and GPS coordinates. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: 'Meas Bopha at the shelter' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '11/1 33/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '104/1 55/1 0/1',
      },
    })
    .toBuffer();
}

const upload = (body: Buffer, type = 'image/jpeg', s: Session = sw) =>
  t.app.inject({
    method: 'POST',
    url: `/api/persons/${personId}/photos`,
    headers: { ...s.headers, 'content-type': type },
    payload: body,
  });

describe('person photos', () => {
  it('strips EXIF and GPS before storing, stores it encrypted, and serves it to those who may see identity', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(original);
    expect(res.statusCode, res.body).toBe(201);
    const { photoId } = res.json();
    const stored = await t.t.owner
      .selectFrom('person_photos')
      .select('content')
      .where('id', '=', photoId)
      .executeTakeFirstOrThrow();
    expect(stored.content).not.toContain('/9j/'); // no base64 JPEG header in the clear
    const got = await t.app.inject({ url: `/api/persons/${personId}/photos/${photoId}`, headers: sw.headers });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(got.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(64);
    expect(got.rawPayload.includes(Buffer.from('Meas Bopha'))).toBe(false);
    expect(
      (await t.t.owner.selectFrom('audit_log').select('action').where('action', '=', 'person.photo_read').execute())
        .length,
    ).toBe(1);
    const ngo = await t.login('ngo_case_worker');
    expect(
      (await t.app.inject({ url: `/api/persons/${personId}/photos/${photoId}`, headers: ngo.headers })).statusCode,
    ).toBe(404);
  });

  it('refuses what is not an image, with a field error', async () => {
    const res = await upload(Buffer.from('%PDF-1.4 not an image'), 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('photo');
  });

  it('refuses other content types and files over 5 MiB', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/persons/${personId}/photos`,
          headers: { ...sw.headers, 'content-type': 'image/gif' },
          payload: Buffer.from('GIF89a'),
        })
      ).statusCode,
    ).toBe(415);
    expect((await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 1))).statusCode).toBe(413);
  });
});
