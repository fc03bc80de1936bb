/**
 * V8 sampling heap profiles (.heapprofile): what `node --heap-prof` writes and Chrome DevTools
 * saves from "Allocation sampling". One JSON object: `head`, a tree of nodes nested in their
 * parents' `children`, each with a callFrame, an `id` and `selfSize` (the bytes V8 estimates were
 * allocated there); and `samples` (`size`, `nodeId`, `ordinal`), one per sampled allocation.
 *
 * Two sample types: `space`, the nodes' selfSize in bytes (the figure DevTools shows), and
 * `objects`, the number of sampled allocations per node, when the profile lists its samples.
 * Samples that name a node missing from the tree are left out (see below).
 * Nodes record no line within a function, so every value sits at line 0.
 */
import type { Importer, ProfileInput } from '../importer';
import type { Profile, SampleType } from '../model';
import { TreeBuilder } from '../tree-builder';
import { finite, firstJsonKey, isObject, isSafeInteger, JsonShape, mentionsKey, parseJson } from './json-input';
import { v8Function } from './v8-frames';

export const v8HeapProfileImporter: Importer = {
  format: 'v8-heapprofile',
  title: 'V8 sampling heap profile (.heapprofile)',

  sniff(input: ProfileInput): boolean {
    const key = firstJsonKey(input.head);
    return (key === 'head' || key === 'samples') && mentionsKey(input.head, 'selfSize');
  },

  read(input: ProfileInput): Profile {
    const shape: JsonShape = new JsonShape(input.name);
    const root = shape.object(parseJson(input), 'the JSON document');
    const samples = shape.optionalArray(root.samples, '"samples"');
    const sampleTypes: SampleType[] = [{ type: 'space', unit: 'bytes' }];
    if (samples) sampleTypes.push({ type: 'objects', unit: 'objects' });
    const builder = new TreeBuilder(sampleTypes.length);
    const treeNodeOf = new Map<number, number>();
    const values = [0, 0];

    // Depth first without recursion: a profile may nest thousands of frames deep.
    const pending: Array<{ node: unknown; parent: number; parentId: number }> = [{ node: shape.object(root.head, '"head"'), parent: 0, parentId: 0 }];
    while (pending.length > 0) {
      const { node, parent, parentId } = pending.pop()!;
      if (!isObject(node)) shape.fail(`a child of node ${parentId} is not an object`);
      if (!isSafeInteger(node.id)) shape.fail('a node of the tree has no integer id');
      if (treeNodeOf.has(node.id)) shape.fail(`two nodes have the id ${node.id}`);
      const selfSize = finite(node.selfSize);
      if (selfSize === undefined || selfSize < 0) shape.fail(`node ${node.id} has no selfSize`);
      const treeNode = builder.child(parent, builder.functionId(v8Function(shape, node.callFrame, node.id)), 0);
      treeNodeOf.set(node.id, treeNode);
      values[0] = selfSize;
      values[1] = 0;
      builder.addSelf(treeNode, values);
      const children = shape.optionalArray(node.children, `"children" of node ${node.id}`) ?? [];
      for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i], parent: treeNode, parentId: node.id });
    }

    // V8 lists samples taken while it wrote the tree, naming nodes the tree does not have (and
    // whose bytes no selfSize holds): those samples are left out.
    let placed = 0;
    if (samples) {
      values[0] = 0;
      values[1] = 1;
      for (let i = 0; i < samples.length; i++) {
        const sample = samples[i];
        if (!isObject(sample)) shape.fail(`sample #${i + 1} is not an object`);
        if (!isSafeInteger(sample.nodeId)) shape.fail(`sample #${i + 1} has no integer nodeId`);
        const treeNode = treeNodeOf.get(sample.nodeId);
        if (treeNode === undefined) continue;
        builder.addSelf(treeNode, values);
        placed++;
      }
    }
    const profile: Profile = {
      format: this.format,
      source: input.name,
      sampleTypes,
      defaultSampleType: 0,
      functions: builder.functions,
      shape: { kind: 'tree', tree: builder.build() },
    };
    if (samples) profile.sampleCount = placed;
    return profile;
  },
};
