// The domain: org tree, catalogue, tasks, appraisal, access and audit.
import Store
