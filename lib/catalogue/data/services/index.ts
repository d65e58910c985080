// The list of service files. A test checks that every JSON file in this folder is listed here.
import accessToInformation from "./access-to-information.json";
import anetiJobseekerRegistration from "./aneti-jobseeker-registration.json";
import anetiSivp from "./aneti-sivp.json";
import birthCertificate from "./birth-certificate.json";
import buildingPermit from "./building-permit.json";
import certifiedCopy from "./certified-copy.json";
import cnamAffiliationCertificate from "./cnam-affiliation-certificate.json";
import cnamCareSystem from "./cnam-care-system.json";
import cnamReimbursement from "./cnam-reimbursement.json";
import cnrpsPensionCertificate from "./cnrps-pension-certificate.json";
import cnrpsPersonalLoan from "./cnrps-personal-loan.json";
import cnssAffiliationCertificate from "./cnss-affiliation-certificate.json";
import cnssCareerStatement from "./cnss-career-statement.json";
import cnssRetirementPension from "./cnss-retirement-pension.json";
import complaintsSuggestions from "./complaints-suggestions.json";
import d17SignUp from "./d17-sign-up.json";
import digitalSkillsTraining from "./digital-skills-training.json";
import documentSubmission from "./document-submission.json";
import edinarCard from "./edinar-card.json";
import municipalReport from "./municipal-report.json";
import occupancyPermit from "./occupancy-permit.json";
import paySonedeBill from "./pay-sonede-bill.json";
import payStegBill from "./pay-steg-bill.json";
import payTelecomBill from "./pay-telecom-bill.json";
import propertyTax from "./property-tax.json";
import remoteInterview from "./remote-interview.json";
import signLanguageMediation from "./sign-language-mediation.json";
import signatureLegalisation from "./signature-legalisation.json";
import sonedeContractTransfer from "./sonede-contract-transfer.json";
import sonedeNewConnection from "./sonede-new-connection.json";
import stegBillComplaint from "./steg-bill-complaint.json";
import stegContractTransfer from "./steg-contract-transfer.json";
import stegNewConnection from "./steg-new-connection.json";
import taxStatusCertificate from "./tax-status-certificate.json";
import telecomLineTransfer from "./telecom-line-transfer.json";
import vehicleTax from "./vehicle-tax.json";

export const serviceFiles: unknown[] = [
  accessToInformation,
  anetiJobseekerRegistration,
  anetiSivp,
  birthCertificate,
  buildingPermit,
  certifiedCopy,
  cnamAffiliationCertificate,
  cnamCareSystem,
  cnamReimbursement,
  cnrpsPensionCertificate,
  cnrpsPersonalLoan,
  cnssAffiliationCertificate,
  cnssCareerStatement,
  cnssRetirementPension,
  complaintsSuggestions,
  d17SignUp,
  digitalSkillsTraining,
  documentSubmission,
  edinarCard,
  municipalReport,
  occupancyPermit,
  paySonedeBill,
  payStegBill,
  payTelecomBill,
  propertyTax,
  remoteInterview,
  signLanguageMediation,
  signatureLegalisation,
  sonedeContractTransfer,
  sonedeNewConnection,
  stegBillComplaint,
  stegContractTransfer,
  stegNewConnection,
  taxStatusCertificate,
  telecomLineTransfer,
  vehicleTax,
];
