/** Valid payloads of the requests kinds, shared by their tests. */
export const infoPayload = {
  requesterType: "person",
  name: "Amina Ben Salah",
  address: "12 rue de la République, Haïdra",
  bodyId: "municipality",
  municipalityId: "municipality-haidra",
  information: "The municipal budget of 2025 and its execution report.",
  accessForm: "electronic-copy",
  lifeOrLiberty: false,
};
