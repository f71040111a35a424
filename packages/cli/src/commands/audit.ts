import { verifyAudit, writeCheckpoint } from '@ctis/db';
import { openRuntime } from '../runtime.ts';

/** Exit 0 when the chain and every signed checkpoint hold; else non-zero naming the first bad row. */
export async function auditVerify(): Promise<number> {
  const rt = await openRuntime({ exclusive: false });
  try {
    const report = await verifyAudit(rt.db, rt.keys.auditPublicKey);
    if (!report.chain.ok) {
      console.error(`audit chain BROKEN at sequence ${report.chain.firstBadSeq}: ${report.chain.problem}`);
      return 2;
    }
    if (report.checkpoints.firstBad !== null) {
      console.error(
        `audit checkpoint FAILED at sequence ${report.checkpoints.firstBad}: ${report.checkpoints.problem}`,
      );
      return 3;
    }
    console.log(
      `audit chain intact: ${report.chain.rows} rows, head ${report.chain.headSeq} ${report.chain.headHash.slice(0, 16)}…, ${report.checkpoints.checked} signed checkpoints verified`,
    );
    return 0;
  } finally {
    await rt.close();
  }
}

export async function auditCheckpoint(): Promise<void> {
  const rt = await openRuntime({ exclusive: false });
  try {
    const seq = await writeCheckpoint(rt.db, rt.keys.auditSigningKey, rt.keys.auditKeyId);
    console.log(seq === null ? 'nothing new since the last checkpoint' : `signed checkpoint at sequence ${seq}`);
  } finally {
    await rt.close();
  }
}
