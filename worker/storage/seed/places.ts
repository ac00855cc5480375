/** Countries, their languages and towns, and how institutions there are named: material for fictional partners. */
import type { PartnerKind } from "../../../shared/vocabulary.ts";

export interface Place {
  country: string;
  languages: string[];
  towns: string[];
  /** Name patterns per kind; `{t}` is a town. */
  names: Partial<Record<PartnerKind, string[]>>;
}

const en = {
  museum: ["{t} Museum of Art", "{t} Museum of Natural History", "Museum of {t} Life", "{t} Maritime Museum"],
  library: ["{t} Public Library", "{t} Central Library", "{t} Subscription Library"],
  archive: ["{t} County Archives", "{t} Record Office", "{t} Photographic Archive"],
  university: ["University of {t}", "{t} Institute of Technology", "{t} College of Music"],
  society: ["{t} Historical Society", "{t} Botanical Society", "{t} Society of Architects"],
  company: ["{t} Press", "{t} Broadcasting Company", "{t} Map Company"],
  government: ["{t} City Council Heritage Office", "{t} Department of Culture"],
  other: ["{t} Heritage Trust", "{t} Film Foundation"],
};

export const PLACES: Place[] = [
  { country: "GB", languages: ["en"], towns: ["Ashcombe", "Bramley", "Dunmore", "Kelby", "Thornbury"], names: en },
  {
    country: "US",
    languages: ["en"],
    towns: ["Cedar Falls", "Millbrook", "Port Ellis", "Riverton", "Oak Ridge"],
    names: en,
  },
  { country: "CA", languages: ["en", "fr"], towns: ["Lakeview", "Saint-Ambroise", "Northbay"], names: en },
  { country: "NG", languages: ["en", "yo"], towns: ["Ikeji", "Oroke", "Abalu"], names: en },
  { country: "KE", languages: ["en", "sw"], towns: ["Mvita", "Kariandu", "Lenana"], names: en },
  { country: "IN", languages: ["en", "ml", "hi"], towns: ["Kottayil", "Manjeri Nagar", "Varkal"], names: en },
  {
    country: "DE",
    languages: ["de"],
    towns: ["Altenburg", "Bergheim", "Lindenau", "Wasserfeld", "Rotheim"],
    names: {
      museum: ["Stadtmuseum {t}", "Landesmuseum {t}", "Museum für Naturkunde {t}"],
      library: ["Stadtbibliothek {t}", "Universitätsbibliothek {t}"],
      archive: ["Stadtarchiv {t}", "Kreisarchiv {t}"],
      university: ["Hochschule {t}", "Universität {t}"],
      society: ["Heimatverein {t}", "Naturforschende Gesellschaft {t}"],
      company: ["{t}er Verlag", "Kartografie {t} GmbH"],
      government: ["Denkmalamt {t}"],
      other: ["Stiftung Kulturerbe {t}"],
    },
  },
  {
    country: "FR",
    languages: ["fr"],
    towns: ["Beaulieu", "Montclair", "Saint-Aubin", "Valmont"],
    names: {
      museum: ["Musée des Beaux-Arts de {t}", "Musée d'histoire de {t}"],
      library: ["Bibliothèque municipale de {t}", "Médiathèque de {t}"],
      archive: ["Archives municipales de {t}"],
      university: ["Université de {t}"],
      society: ["Société savante de {t}"],
      government: ["Direction du patrimoine de {t}"],
    },
  },
  {
    country: "IT",
    languages: ["it"],
    towns: ["Castelvero", "Montefiore", "San Lorenzo"],
    names: {
      museum: ["Museo Civico di {t}", "Pinacoteca di {t}"],
      library: ["Biblioteca comunale di {t}"],
      archive: ["Archivio storico di {t}"],
      university: ["Università di {t}"],
      society: ["Società storica di {t}"],
    },
  },
  {
    country: "ES",
    languages: ["es", "ca"],
    towns: ["Villaverde", "Puerto Claro", "Sant Martí de Mar"],
    names: {
      museum: ["Museo de {t}", "Museu d'Art de {t}"],
      library: ["Biblioteca Pública de {t}"],
      archive: ["Archivo Histórico de {t}"],
      university: ["Universidad de {t}"],
    },
  },
  {
    country: "MX",
    languages: ["es", "nah"],
    towns: ["San Isidro", "Tlaxcoapan", "Valle Hermoso"],
    names: {
      museum: ["Museo Regional de {t}"],
      library: ["Biblioteca de {t}"],
      university: ["Universidad Autónoma de {t}"],
      archive: ["Archivo General de {t}"],
    },
  },
  {
    country: "BR",
    languages: ["pt"],
    towns: ["Campo Alegre", "Rio Claro", "Serra Verde"],
    names: {
      museum: ["Museu de {t}", "Museu Histórico de {t}"],
      library: ["Biblioteca Municipal de {t}"],
      university: ["Universidade Federal de {t}"],
      archive: ["Arquivo Público de {t}"],
    },
  },
  {
    country: "PL",
    languages: ["pl"],
    towns: ["Zielonka", "Białowice", "Stare Pole"],
    names: {
      museum: ["Muzeum Regionalne w {t}", "Muzeum Sztuki w {t}"],
      library: ["Biblioteka Publiczna w {t}"],
      archive: ["Archiwum Państwowe w {t}"],
      university: ["Uniwersytet w {t}"],
    },
  },
  {
    country: "CZ",
    languages: ["cs"],
    towns: ["Lipová", "Hradec nad Ohří", "Kamenice"],
    names: {
      museum: ["Muzeum {t}", "Galerie {t}"],
      library: ["Městská knihovna {t}"],
      archive: ["Státní okresní archiv {t}"],
      society: ["Spolek přátel {t}"],
    },
  },
  {
    country: "SE",
    languages: ["sv"],
    towns: ["Björkvik", "Sjöhamn", "Ekeby"],
    names: { museum: ["{t}s museum", "Länsmuseet {t}"], library: ["{t}s stadsbibliotek"], archive: ["{t}s arkiv"] },
  },
  {
    country: "IL",
    languages: ["he", "ar"],
    towns: ["Giv'at Zayit", "Kfar Tamar", "Ein Shalva"],
    names: {
      museum: ["{t} Museum of Archaeology"],
      library: ["{t} Municipal Library"],
      archive: ["{t} Photo Archive"],
      university: ["{t} Academic College"],
    },
  },
  {
    country: "EG",
    languages: ["ar"],
    towns: ["Nakhla", "Wadi Safa", "Mit Ghamr al-Jadida"],
    names: {
      museum: ["{t} Museum of Antiquities"],
      library: ["{t} Public Library"],
      archive: ["{t} Manuscript Collection"],
    },
  },
  {
    country: "UA",
    languages: ["uk"],
    towns: ["Zelenyi Hai", "Dubrivka", "Sosnivka"],
    names: { museum: ["{t} Local History Museum"], library: ["{t} Regional Library"], archive: ["{t} State Archive"] },
  },
  {
    country: "ID",
    languages: ["id", "jv"],
    towns: ["Sukamaju", "Tanjung Harapan", "Kota Baru Sari"],
    names: { museum: ["Museum {t}"], library: ["Perpustakaan Daerah {t}"], university: ["Universitas {t}"] },
  },
  {
    country: "JP",
    languages: ["ja"],
    towns: ["Minamikawa", "Aoyama-cho", "Hanazono"],
    names: {
      museum: ["{t} City Museum"],
      library: ["{t} Prefectural Library"],
      archive: ["{t} Historical Archives"],
      company: ["{t} Printing Co."],
    },
  },
];
