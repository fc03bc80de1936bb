// Categories form a chain (each one's parent is the one before it); the depth of a category is
// found by recursion, one parent per call, so that recursion shows in the profiles.

function parentOf(category) {
  return category > 0 ? category - 1 : -1;
}

export function categoryDepth(category) {
  const parent = parentOf(category);
  return parent < 0 ? 0 : 1 + categoryDepth(parent);
}
