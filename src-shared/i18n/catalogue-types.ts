/** A catalogue with some strings missing: a translation may lag English (a unit test finds it). */
export type DeepPartialStrings<T> = {
  [K in keyof T]?: T[K] extends string ? string : DeepPartialStrings<T[K]>;
};
