import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import sharp from 'sharp';
import { z } from 'zod';
import { InputError } from '@ctis/core';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_SIDE = 4_000;

/**
 * Re-encode an uploaded photo: checks it really is an image of an accepted type and size, applies
 * the EXIF orientation, and drops every metadata block (EXIF, GPS, XMP, ICC) by re-encoding.
 */
export async function cleanPhoto(bytes: Buffer): Promise<Buffer> {
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta) throw new InputError('photo', 'the file is not a readable image');
  if (!meta.format || !['jpeg', 'png', 'webp'].includes(meta.format))
    throw new InputError('photo', 'send a JPEG, PNG or WebP image');
  if ((meta.width ?? 0) > MAX_SIDE || (meta.height ?? 0) > MAX_SIDE)
    throw new InputError('photo', `the image is larger than ${MAX_SIDE} pixels on a side`);
  return sharp(bytes).rotate().jpeg({ quality: 85 }).toBuffer();
}

/** Photos of a person: stored encrypted under the person's data key, without metadata. */
export function photoRoutes(app: FastifyInstance, _ctx: AppContext): void {
  app.addContentTypeParser([...TYPES], { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/persons/:id/photos',
    {
      config: { policy: needs('person.write') },
      bodyLimit: MAX_BYTES,
      schema: { tags: ['persons'], params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new InputError('photo', `send the image as the request body with Content-Type ${TYPES.join(', ')}`);
      const clean = await cleanPhoto(request.body);
      const photoId = await request.scopedDb!.transaction((tx) => tx.persons.addPhoto(request.params.id, clean));
      return reply.status(201).send({ photoId, contentType: 'image/jpeg', bytes: clean.length });
    },
  );

  r.get(
    '/api/persons/:id/photos/:photoId',
    {
      config: { policy: needs('person.read_identity') },
      schema: { tags: ['persons'], params: z.object({ id: z.uuid(), photoId: z.uuid() }) },
    },
    async (request, reply) => {
      const photo = await request.scopedDb!.transaction((tx) =>
        tx.persons.photo(request.params.id, request.params.photoId),
      );
      return reply.type(photo.contentType).header('cache-control', 'no-store').send(photo.bytes);
    },
  );
}
