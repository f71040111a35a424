import {
  ClkEncoder,
  DEFAULT_CLK_PARAMS,
  InputError,
  clkFileFormat,
  clkFileHeaderText,
  clkFileRecordText,
  clkFileTrailerText,
  recordIdProblem,
} from '@ctis/core';
import { encodeRecords, logger, readSecret, writeAtomically } from './linkage-pprl.ts';

export interface LinkageEncodeOptions {
  in: string;
  out: string;
  secretFile?: string;
  quiet?: boolean;
}

/**
 * `ctis linkage encode --in records.csv --out encodings.(jsonl|csv) --secret-file key`: one party's
 * records as CLKs, to hand to whoever matches (`ctis linkage match`). Needs no account and no database:
 * an NGO can run it on its own computer. The file holds record ids and CLKs, never a name or a date,
 * and a key check so that files made with another secret are refused.
 */
export async function linkageEncode(opts: LinkageEncodeOptions): Promise<void> {
  const log = logger(opts.quiet);
  const encoder = new ClkEncoder(readSecret(opts.secretFile), DEFAULT_CLK_PARAMS);
  const format = clkFileFormat(opts.out);
  let count = 0;
  await writeAtomically(opts.out, async (write) => {
    await write(clkFileHeaderText(encoder, format));
    count = await encodeRecords(
      opts.in,
      encoder,
      async ({ line, id, clk }) => {
        const problem = recordIdProblem(id, format);
        if (problem) throw new InputError('--in', `${opts.in} line ${line}: record_id: ${problem}`);
        await write(clkFileRecordText(id, clk, format));
      },
      log,
    );
    await write(clkFileTrailerText(count, format));
  });
  log(`wrote ${count} encodings to ${opts.out} (key check ${encoder.keyCheck})`);
}
