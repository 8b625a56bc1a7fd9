/** Type OIDs of the built-in types whose values every adapter normalises. */
export const Oid = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
  jsonb: 3802,
} as const;

/** Array type OID → element type OID, for the arrays that are returned as JavaScript arrays. */
export const arrayElementOid: ReadonlyMap<number, number> = new Map([
  [1000, Oid.bool],
  [1001, Oid.bytea],
  [1016, Oid.int8],
  [1005, Oid.int2],
  [1007, Oid.int4],
  [1028, Oid.oid],
  [199, Oid.json],
  [1021, Oid.float4],
  [1022, Oid.float8],
  [1182, Oid.date],
  [1115, Oid.timestamp],
  [1185, Oid.timestamptz],
  [1231, Oid.numeric],
  [3807, Oid.jsonb],
  // Arrays of text-like types: elements stay text.
  [1009, Oid.text],
  [1015, Oid.text], // varchar[]
  [1014, Oid.text], // bpchar[]
  [1003, Oid.text], // name[]
  [1002, Oid.text], // "char"[]
  [2951, Oid.text], // uuid[]
  [1041, Oid.text], // inet[]
  [651, Oid.text], // cidr[]
  [1183, Oid.text], // time[]
  [1270, Oid.text], // timetz[]
  [1187, Oid.text], // interval[]
  [3614, Oid.text], // tsvector[]
  [143, Oid.text], // xml[]
  [2211, Oid.text], // regtype[]
  [2210, Oid.text], // regclass[]
]);
