import JicengAPI

// Placeholders for jiceng.v1 services whose implementations have not landed yet: registering the
// generated protocol with no methods makes every method answer UNIMPLEMENTED (rather than an
// unknown-service error) and lets reflection list the service. Delete each one as its real
// service arrives.


/// Stand-in until the appraisal service lands.
struct AppraisalServiceStub: Jiceng_V1_AppraisalServiceService {}
