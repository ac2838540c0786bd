import type { CreateStructureBody, Structure, UpdateStructureBody } from './structure-api.ts';
import type { StructureDraft } from './StructureForm.tsx';

export const emptyDraft: StructureDraft = { code: '', type: '', labelFr: '', labelEn: '', parent: null, closedOn: '' };

export function draftOf(structure: Structure, parent: Structure | null): StructureDraft {
  return {
    code: structure.code,
    type: structure.type,
    labelFr: structure.labels.fr,
    labelEn: structure.labels.en ?? '',
    parent,
    closedOn: structure.closedOn ?? '',
  };
}

const labelsOf = (draft: StructureDraft) => ({ fr: draft.labelFr.trim(), ...(draft.labelEn.trim() ? { en: draft.labelEn.trim() } : {}) });

export function creationOf(draft: StructureDraft): CreateStructureBody {
  return {
    code: draft.code.trim(),
    type: draft.type as CreateStructureBody['type'],
    labels: labelsOf(draft),
    parentId: draft.parent?.id ?? null,
    ...(draft.closedOn ? { closedOn: draft.closedOn } : {}),
  };
}

/** Only what changed: the history then tells exactly what the person did. */
export function changesOf(structure: Structure, draft: StructureDraft): UpdateStructureBody {
  const changes: UpdateStructureBody = {};
  if (draft.type !== structure.type) changes.type = draft.type as NonNullable<UpdateStructureBody['type']>;
  const labels = labelsOf(draft);
  if (JSON.stringify(labels) !== JSON.stringify({ fr: structure.labels.fr, ...(structure.labels.en ? { en: structure.labels.en } : {}) }))
    changes.labels = labels;
  if ((draft.parent?.id ?? null) !== structure.parentId) changes.parentId = draft.parent?.id ?? null;
  if ((draft.closedOn || null) !== structure.closedOn) changes.closedOn = draft.closedOn || null;
  return changes;
}
