CREATE TABLE alembic_version (
    version_num VARCHAR2(32 CHAR) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)

/

-- Running upgrade  -> 0001

CREATE TABLE app_setting (
    skey VARCHAR2(60 CHAR) NOT NULL, 
    svalue VARCHAR2(400 CHAR), 
    CONSTRAINT pk_app_setting PRIMARY KEY (skey)
)

/

CREATE TABLE audit_head (
    id SMALLINT NOT NULL, 
    last_seq NUMBER(19) NOT NULL, 
    last_hash VARCHAR2(64 CHAR) NOT NULL, 
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
)

/

CREATE TABLE dept (
    id VARCHAR2(36 CHAR) NOT NULL, 
    code VARCHAR2(20 CHAR) NOT NULL, 
    name VARCHAR2(60 CHAR) NOT NULL, 
    CONSTRAINT pk_dept PRIMARY KEY (id), 
    CONSTRAINT uq_dept_code UNIQUE (code)
)

/

CREATE TABLE drug (
    id VARCHAR2(36 CHAR) NOT NULL, 
    code VARCHAR2(30 CHAR) NOT NULL, 
    generic_name VARCHAR2(60 CHAR) NOT NULL, 
    base_name VARCHAR2(40 CHAR) NOT NULL, 
    en_inn VARCHAR2(80 CHAR), 
    form VARCHAR2(20 CHAR) NOT NULL, 
    strength NUMERIC(12, 4), 
    strength_unit VARCHAR2(10 CHAR), 
    dose_unit VARCHAR2(10 CHAR) NOT NULL, 
    package VARCHAR2(40 CHAR), 
    atc VARCHAR2(10 CHAR), 
    drug_class VARCHAR2(30 CHAR), 
    abx_grade SMALLINT NOT NULL, 
    high_alert SMALLINT NOT NULL, 
    skin_test SMALLINT NOT NULL, 
    narcotic VARCHAR2(10 CHAR), 
    default_route VARCHAR2(12 CHAR), 
    pinyin VARCHAR2(40 CHAR) NOT NULL, 
    is_active SMALLINT NOT NULL, 
    CONSTRAINT pk_drug PRIMARY KEY (id), 
    CONSTRAINT uq_drug_code UNIQUE (code), 
    CONSTRAINT ck_drug_high_alert CHECK (high_alert IN (0, 1)), 
    CONSTRAINT ck_drug_skin_test CHECK (skin_test IN (0, 1)), 
    CONSTRAINT ck_drug_is_active CHECK (is_active IN (0, 1))
)

/

CREATE INDEX ix_drug_pinyin ON drug (pinyin)

/

CREATE TABLE freq (
    code VARCHAR2(10 CHAR) NOT NULL, 
    name VARCHAR2(30 CHAR) NOT NULL, 
    times_per_day NUMERIC(6, 3), 
    interval_hours INTEGER, 
    slots VARCHAR2(200 CHAR), 
    every_days SMALLINT NOT NULL, 
    sort_key INTEGER NOT NULL, 
    CONSTRAINT pk_freq PRIMARY KEY (code)
)

/

CREATE TABLE icd10 (
    code VARCHAR2(16 CHAR) NOT NULL, 
    name_cn VARCHAR2(200 CHAR), 
    name_en VARCHAR2(250 CHAR) NOT NULL, 
    pinyin VARCHAR2(60 CHAR), 
    CONSTRAINT pk_icd10 PRIMARY KEY (code)
)

/

CREATE INDEX ix_icd10_pinyin ON icd10 (pinyin)

/

CREATE TABLE lab_test (
    code VARCHAR2(12 CHAR) NOT NULL, 
    name VARCHAR2(40 CHAR) NOT NULL, 
    unit VARCHAR2(20 CHAR), 
    low NUMERIC(12, 3), 
    high NUMERIC(12, 3), 
    CONSTRAINT pk_lab_test PRIMARY KEY (code)
)

/

CREATE TABLE order_item (
    id VARCHAR2(36 CHAR) NOT NULL, 
    code VARCHAR2(30 CHAR) NOT NULL, 
    name VARCHAR2(80 CHAR) NOT NULL, 
    category VARCHAR2(12 CHAR) NOT NULL, 
    specimen VARCHAR2(20 CHAR), 
    unit VARCHAR2(10 CHAR), 
    pinyin VARCHAR2(40 CHAR) NOT NULL, 
    is_active SMALLINT NOT NULL, 
    CONSTRAINT pk_order_item PRIMARY KEY (id), 
    CONSTRAINT uq_order_item_code UNIQUE (code), 
    CONSTRAINT ck_order_item_is_active CHECK (is_active IN (0, 1))
)

/

CREATE INDEX ix_order_item_pinyin ON order_item (pinyin)

/

CREATE TABLE patient (
    id VARCHAR2(36 CHAR) NOT NULL, 
    mrn VARCHAR2(20 CHAR) NOT NULL, 
    name VARCHAR2(40 CHAR) NOT NULL, 
    pinyin VARCHAR2(40 CHAR), 
    sex VARCHAR2(1 CHAR) NOT NULL, 
    birth_date DATE, 
    id_card VARCHAR2(18 CHAR), 
    phone VARCHAR2(20 CHAR), 
    ethnicity VARCHAR2(20 CHAR), 
    marital VARCHAR2(10 CHAR), 
    occupation VARCHAR2(30 CHAR), 
    address VARCHAR2(120 CHAR), 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_patient PRIMARY KEY (id), 
    CONSTRAINT uq_patient_mrn UNIQUE (mrn)
)

/

CREATE INDEX ix_patient_pinyin ON patient (pinyin)

/

CREATE TABLE role (
    code VARCHAR2(20 CHAR) NOT NULL, 
    name VARCHAR2(40 CHAR) NOT NULL, 
    CONSTRAINT pk_role PRIMARY KEY (code)
)

/

CREATE TABLE route (
    code VARCHAR2(12 CHAR) NOT NULL, 
    name VARCHAR2(20 CHAR) NOT NULL, 
    exec_sheet VARCHAR2(12 CHAR) NOT NULL, 
    bottle_label SMALLINT NOT NULL, 
    sort_key INTEGER NOT NULL, 
    CONSTRAINT pk_route PRIMARY KEY (code), 
    CONSTRAINT ck_route_bottle_label CHECK (bottle_label IN (0, 1))
)

/

CREATE TABLE doc_template (
    id VARCHAR2(36 CHAR) NOT NULL, 
    doc_type VARCHAR2(30 CHAR) NOT NULL, 
    name VARCHAR2(60 CHAR) NOT NULL, 
    dept_id VARCHAR2(36 CHAR), 
    body CLOB NOT NULL, 
    is_active SMALLINT NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_doc_template PRIMARY KEY (id), 
    CONSTRAINT fk_doc_template_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT ck_doc_template_is_active CHECK (is_active IN (0, 1))
)

/

CREATE INDEX ix_doc_template_doc_type ON doc_template (doc_type)

/

CREATE TABLE ward (
    id VARCHAR2(36 CHAR) NOT NULL, 
    code VARCHAR2(20 CHAR) NOT NULL, 
    name VARCHAR2(60 CHAR) NOT NULL, 
    dept_id VARCHAR2(36 CHAR) NOT NULL, 
    CONSTRAINT pk_ward PRIMARY KEY (id), 
    CONSTRAINT fk_ward_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT uq_ward_code UNIQUE (code)
)

/

CREATE TABLE bed (
    id VARCHAR2(36 CHAR) NOT NULL, 
    ward_id VARCHAR2(36 CHAR) NOT NULL, 
    bed_no VARCHAR2(10 CHAR) NOT NULL, 
    sort_key INTEGER NOT NULL, 
    is_active SMALLINT NOT NULL, 
    CONSTRAINT pk_bed PRIMARY KEY (id), 
    CONSTRAINT fk_bed_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id), 
    CONSTRAINT uq_bed_ward_no UNIQUE (ward_id, bed_no), 
    CONSTRAINT ck_bed_is_active CHECK (is_active IN (0, 1))
)

/

CREATE TABLE staff (
    id VARCHAR2(36 CHAR) NOT NULL, 
    login_name VARCHAR2(40 CHAR) NOT NULL, 
    full_name VARCHAR2(40 CHAR) NOT NULL, 
    pinyin VARCHAR2(40 CHAR), 
    title VARCHAR2(20 CHAR), 
    title_rank SMALLINT NOT NULL, 
    dept_id VARCHAR2(36 CHAR), 
    ward_id VARCHAR2(36 CHAR), 
    password_hash VARCHAR2(200 CHAR) NOT NULL, 
    failed_logins INTEGER NOT NULL, 
    locked_until TIMESTAMP, 
    can_prescribe SMALLINT NOT NULL, 
    can_narcotic SMALLINT NOT NULL, 
    abx_grade SMALLINT NOT NULL, 
    is_active SMALLINT NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_staff PRIMARY KEY (id), 
    CONSTRAINT fk_staff_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_staff_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id), 
    CONSTRAINT uq_staff_login_name UNIQUE (login_name), 
    CONSTRAINT ck_staff_can_prescribe CHECK (can_prescribe IN (0, 1)), 
    CONSTRAINT ck_staff_can_narcotic CHECK (can_narcotic IN (0, 1)), 
    CONSTRAINT ck_staff_is_active CHECK (is_active IN (0, 1))
)

/

CREATE TABLE allergy (
    id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR) NOT NULL, 
    substance VARCHAR2(60 CHAR) NOT NULL, 
    drug_code VARCHAR2(30 CHAR), 
    reaction VARCHAR2(60 CHAR), 
    severity VARCHAR2(10 CHAR), 
    source VARCHAR2(12 CHAR) NOT NULL, 
    status VARCHAR2(16 CHAR) NOT NULL, 
    recorded_at TIMESTAMP NOT NULL, 
    recorded_by VARCHAR2(36 CHAR) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_allergy PRIMARY KEY (id), 
    CONSTRAINT fk_allergy_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_allergy_recorded_by FOREIGN KEY(recorded_by) REFERENCES staff (id)
)

/

CREATE INDEX ix_allergy_patient_id ON allergy (patient_id)

/

CREATE TABLE applied_op (
    op_id VARCHAR2(36 CHAR) NOT NULL, 
    device_id VARCHAR2(60 CHAR) NOT NULL, 
    staff_id VARCHAR2(36 CHAR) NOT NULL, 
    op_type VARCHAR2(40 CHAR) NOT NULL, 
    device_time TIMESTAMP NOT NULL, 
    applied_at TIMESTAMP NOT NULL, 
    outcome VARCHAR2(12 CHAR) NOT NULL, 
    CONSTRAINT pk_applied_op PRIMARY KEY (op_id), 
    CONSTRAINT fk_applied_op_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
)

/

CREATE TABLE audit_log (
    seq NUMBER(19) GENERATED BY DEFAULT AS IDENTITY (START WITH 1), 
    at TIMESTAMP NOT NULL, 
    staff_id VARCHAR2(36 CHAR), 
    workstation VARCHAR2(60 CHAR) NOT NULL, 
    action VARCHAR2(20 CHAR) NOT NULL, 
    entity VARCHAR2(20 CHAR) NOT NULL, 
    entity_id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR), 
    before_data CLOB, 
    after_data CLOB, 
    op_id VARCHAR2(36 CHAR), 
    prev_hash VARCHAR2(64 CHAR) NOT NULL, 
    row_hash VARCHAR2(64 CHAR) NOT NULL, 
    CONSTRAINT pk_audit_log PRIMARY KEY (seq), 
    CONSTRAINT fk_audit_log_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
)

/

CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id)

/

CREATE TABLE encounter (
    id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR) NOT NULL, 
    visit_no INTEGER NOT NULL, 
    dept_id VARCHAR2(36 CHAR) NOT NULL, 
    ward_id VARCHAR2(36 CHAR) NOT NULL, 
    bed_id VARCHAR2(36 CHAR), 
    attending_id VARCHAR2(36 CHAR), 
    resident_id VARCHAR2(36 CHAR), 
    nurse_id VARCHAR2(36 CHAR), 
    admitted_at TIMESTAMP NOT NULL, 
    discharged_at TIMESTAMP, 
    status VARCHAR2(12 CHAR) NOT NULL, 
    nursing_grade SMALLINT NOT NULL, 
    acuity VARCHAR2(10 CHAR) NOT NULL, 
    diet VARCHAR2(20 CHAR), 
    isolation VARCHAR2(20 CHAR), 
    height_cm NUMERIC(5, 1), 
    weight_kg NUMERIC(5, 1), 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_encounter PRIMARY KEY (id), 
    CONSTRAINT fk_encounter_attending_id FOREIGN KEY(attending_id) REFERENCES staff (id), 
    CONSTRAINT fk_encounter_bed_id FOREIGN KEY(bed_id) REFERENCES bed (id), 
    CONSTRAINT fk_encounter_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_encounter_nurse_id FOREIGN KEY(nurse_id) REFERENCES staff (id), 
    CONSTRAINT fk_encounter_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_encounter_resident_id FOREIGN KEY(resident_id) REFERENCES staff (id), 
    CONSTRAINT fk_encounter_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id)
)

/

CREATE INDEX ix_encounter_patient_id ON encounter (patient_id)

/

CREATE INDEX ix_encounter_ward_id ON encounter (ward_id)

/

CREATE INDEX ix_encounter_ward_status ON encounter (ward_id, status)

/

CREATE TABLE order_set (
    id VARCHAR2(36 CHAR) NOT NULL, 
    name VARCHAR2(60 CHAR) NOT NULL, 
    pinyin VARCHAR2(40 CHAR) NOT NULL, 
    dept_id VARCHAR2(36 CHAR), 
    owner_id VARCHAR2(36 CHAR), 
    is_active SMALLINT NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_order_set PRIMARY KEY (id), 
    CONSTRAINT fk_order_set_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_order_set_owner_id FOREIGN KEY(owner_id) REFERENCES staff (id), 
    CONSTRAINT ck_order_set_is_active CHECK (is_active IN (0, 1))
)

/

CREATE TABLE staff_role (
    staff_id VARCHAR2(36 CHAR) NOT NULL, 
    role_code VARCHAR2(20 CHAR) NOT NULL, 
    CONSTRAINT pk_staff_role PRIMARY KEY (staff_id, role_code), 
    CONSTRAINT fk_staff_role_role_code FOREIGN KEY(role_code) REFERENCES role (code), 
    CONSTRAINT fk_staff_role_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
)

/

CREATE TABLE bed_move (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    from_bed_id VARCHAR2(36 CHAR), 
    to_bed_id VARCHAR2(36 CHAR), 
    from_ward_id VARCHAR2(36 CHAR), 
    to_ward_id VARCHAR2(36 CHAR) NOT NULL, 
    moved_at TIMESTAMP NOT NULL, 
    moved_by VARCHAR2(36 CHAR) NOT NULL, 
    reason VARCHAR2(100 CHAR), 
    CONSTRAINT pk_bed_move PRIMARY KEY (id), 
    CONSTRAINT fk_bed_move_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_bed_move_from_bed_id FOREIGN KEY(from_bed_id) REFERENCES bed (id), 
    CONSTRAINT fk_bed_move_from_ward_id FOREIGN KEY(from_ward_id) REFERENCES ward (id), 
    CONSTRAINT fk_bed_move_moved_by FOREIGN KEY(moved_by) REFERENCES staff (id), 
    CONSTRAINT fk_bed_move_to_bed_id FOREIGN KEY(to_bed_id) REFERENCES bed (id), 
    CONSTRAINT fk_bed_move_to_ward_id FOREIGN KEY(to_ward_id) REFERENCES ward (id)
)

/

CREATE INDEX ix_bed_move_encounter_id ON bed_move (encounter_id)

/

CREATE TABLE clin_doc (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    doc_type VARCHAR2(30 CHAR) NOT NULL, 
    title VARCHAR2(60 CHAR) NOT NULL, 
    status VARCHAR2(12 CHAR) NOT NULL, 
    event_at TIMESTAMP NOT NULL, 
    due_at TIMESTAMP, 
    rev_no INTEGER NOT NULL, 
    author_id VARCHAR2(36 CHAR) NOT NULL, 
    signed_at TIMESTAMP, 
    signed_by VARCHAR2(36 CHAR), 
    cosign_needed SMALLINT NOT NULL, 
    cosigned_at TIMESTAMP, 
    cosigned_by VARCHAR2(36 CHAR), 
    late_entry SMALLINT NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_clin_doc PRIMARY KEY (id), 
    CONSTRAINT fk_clin_doc_author_id FOREIGN KEY(author_id) REFERENCES staff (id), 
    CONSTRAINT fk_clin_doc_cosigned_by FOREIGN KEY(cosigned_by) REFERENCES staff (id), 
    CONSTRAINT fk_clin_doc_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_clin_doc_signed_by FOREIGN KEY(signed_by) REFERENCES staff (id), 
    CONSTRAINT ck_clin_doc_cosign_needed CHECK (cosign_needed IN (0, 1)), 
    CONSTRAINT ck_clin_doc_late_entry CHECK (late_entry IN (0, 1))
)

/

CREATE INDEX ix_clin_doc_enc_type ON clin_doc (encounter_id, doc_type)

/

CREATE INDEX ix_clin_doc_encounter_id ON clin_doc (encounter_id)

/

CREATE TABLE diagnosis (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    icd10_code VARCHAR2(16 CHAR), 
    name VARCHAR2(120 CHAR) NOT NULL, 
    kind VARCHAR2(12 CHAR) NOT NULL, 
    seq_no SMALLINT NOT NULL, 
    diagnosed_at TIMESTAMP NOT NULL, 
    diagnosed_by VARCHAR2(36 CHAR) NOT NULL, 
    status VARCHAR2(10 CHAR) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_diagnosis PRIMARY KEY (id), 
    CONSTRAINT fk_diagnosis_diagnosed_by FOREIGN KEY(diagnosed_by) REFERENCES staff (id), 
    CONSTRAINT fk_diagnosis_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id)
)

/

CREATE INDEX ix_diagnosis_encounter_id ON diagnosis (encounter_id)

/

CREATE TABLE lab_result (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    test_code VARCHAR2(12 CHAR) NOT NULL, 
    num_value NUMERIC(14, 4), 
    text_value VARCHAR2(60 CHAR), 
    unit VARCHAR2(20 CHAR), 
    abnormal VARCHAR2(2 CHAR), 
    taken_at TIMESTAMP NOT NULL, 
    reported_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_lab_result PRIMARY KEY (id), 
    CONSTRAINT fk_lab_result_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_lab_result_test_code FOREIGN KEY(test_code) REFERENCES lab_test (code)
)

/

CREATE INDEX ix_lab_result_encounter_id ON lab_result (encounter_id)

/

CREATE TABLE med_order (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    term VARCHAR2(4 CHAR) NOT NULL, 
    category VARCHAR2(12 CHAR) NOT NULL, 
    drug_id VARCHAR2(36 CHAR), 
    item_id VARCHAR2(36 CHAR), 
    content VARCHAR2(200 CHAR) NOT NULL, 
    dose NUMERIC(12, 4), 
    dose_unit VARCHAR2(10 CHAR), 
    route_code VARCHAR2(12 CHAR), 
    freq_code VARCHAR2(10 CHAR), 
    first_day_times SMALLINT, 
    rate VARCHAR2(20 CHAR), 
    group_id VARCHAR2(36 CHAR), 
    group_seq SMALLINT, 
    skin_test_req SMALLINT NOT NULL, 
    instruction VARCHAR2(100 CHAR), 
    status VARCHAR2(16 CHAR) NOT NULL, 
    start_at TIMESTAMP NOT NULL, 
    stop_at TIMESTAMP, 
    ordered_by VARCHAR2(36 CHAR) NOT NULL, 
    signed_at TIMESTAMP, 
    signed_by VARCHAR2(36 CHAR), 
    verified_at TIMESTAMP, 
    verified_by VARCHAR2(36 CHAR), 
    stop_signed_at TIMESTAMP, 
    stopped_by VARCHAR2(36 CHAR), 
    stop_checked_at TIMESTAMP, 
    stop_checked_by VARCHAR2(36 CHAR), 
    void_reason VARCHAR2(100 CHAR), 
    return_reason VARCHAR2(100 CHAR), 
    verbal SMALLINT NOT NULL, 
    override_reason VARCHAR2(200 CHAR), 
    print_page INTEGER, 
    print_row SMALLINT, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_med_order PRIMARY KEY (id), 
    CONSTRAINT fk_med_order_drug_id FOREIGN KEY(drug_id) REFERENCES drug (id), 
    CONSTRAINT fk_med_order_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_med_order_freq_code FOREIGN KEY(freq_code) REFERENCES freq (code), 
    CONSTRAINT fk_med_order_item_id FOREIGN KEY(item_id) REFERENCES order_item (id), 
    CONSTRAINT fk_med_order_ordered_by FOREIGN KEY(ordered_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_route_code FOREIGN KEY(route_code) REFERENCES route (code), 
    CONSTRAINT fk_med_order_signed_by FOREIGN KEY(signed_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_stop_checked_by FOREIGN KEY(stop_checked_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_stopped_by FOREIGN KEY(stopped_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_verified_by FOREIGN KEY(verified_by) REFERENCES staff (id), 
    CONSTRAINT ck_med_order_skin_test_req CHECK (skin_test_req IN (0, 1)), 
    CONSTRAINT ck_med_order_verbal CHECK (verbal IN (0, 1))
)

/

CREATE INDEX ix_med_order_enc_status ON med_order (encounter_id, status)

/

CREATE INDEX ix_med_order_encounter_id ON med_order (encounter_id)

/

CREATE INDEX ix_med_order_group_id ON med_order (group_id)

/

CREATE TABLE nursing_rec (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    rec_type VARCHAR2(12 CHAR) NOT NULL, 
    recorded_at TIMESTAMP NOT NULL, 
    body CLOB NOT NULL, 
    nurse_id VARCHAR2(36 CHAR) NOT NULL, 
    status VARCHAR2(10 CHAR) NOT NULL, 
    device_time TIMESTAMP NOT NULL, 
    received_at TIMESTAMP, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_nursing_rec PRIMARY KEY (id), 
    CONSTRAINT fk_nursing_rec_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_nursing_rec_nurse_id FOREIGN KEY(nurse_id) REFERENCES staff (id)
)

/

CREATE INDEX ix_nursing_rec_encounter_id ON nursing_rec (encounter_id)

/

CREATE TABLE order_set_item (
    id VARCHAR2(36 CHAR) NOT NULL, 
    set_id VARCHAR2(36 CHAR) NOT NULL, 
    seq_no SMALLINT NOT NULL, 
    template CLOB NOT NULL, 
    CONSTRAINT pk_order_set_item PRIMARY KEY (id), 
    CONSTRAINT fk_order_set_item_set_id FOREIGN KEY(set_id) REFERENCES order_set (id)
)

/

CREATE INDEX ix_order_set_item_set_id ON order_set_item (set_id)

/

CREATE TABLE vital_obs (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    measured_at TIMESTAMP NOT NULL, 
    item VARCHAR2(12 CHAR) NOT NULL, 
    num_value NUMERIC(8, 2), 
    code VARCHAR2(12 CHAR), 
    method VARCHAR2(10 CHAR), 
    note VARCHAR2(60 CHAR), 
    recorded_by VARCHAR2(36 CHAR) NOT NULL, 
    device_time TIMESTAMP NOT NULL, 
    received_at TIMESTAMP, 
    voided SMALLINT NOT NULL, 
    void_reason VARCHAR2(60 CHAR), 
    created_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_vital_obs PRIMARY KEY (id), 
    CONSTRAINT fk_vital_obs_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_vital_obs_recorded_by FOREIGN KEY(recorded_by) REFERENCES staff (id), 
    CONSTRAINT ck_vital_obs_voided CHECK (voided IN (0, 1))
)

/

CREATE INDEX ix_vital_obs_enc_time ON vital_obs (encounter_id, measured_at)

/

CREATE TABLE doc_rev (
    id VARCHAR2(36 CHAR) NOT NULL, 
    doc_id VARCHAR2(36 CHAR) NOT NULL, 
    rev_no INTEGER NOT NULL, 
    body CLOB NOT NULL, 
    editor_id VARCHAR2(36 CHAR) NOT NULL, 
    edited_at TIMESTAMP NOT NULL, 
    reason VARCHAR2(100 CHAR), 
    CONSTRAINT pk_doc_rev PRIMARY KEY (id), 
    CONSTRAINT fk_doc_rev_doc_id FOREIGN KEY(doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT fk_doc_rev_editor_id FOREIGN KEY(editor_id) REFERENCES staff (id), 
    CONSTRAINT uq_doc_rev_no UNIQUE (doc_id, rev_no)
)

/

CREATE INDEX ix_doc_rev_doc_id ON doc_rev (doc_id)

/

CREATE TABLE order_exec (
    id VARCHAR2(36 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR) NOT NULL, 
    planned_at TIMESTAMP NOT NULL, 
    status VARCHAR2(12 CHAR) NOT NULL, 
    done_at TIMESTAMP, 
    done_by VARCHAR2(36 CHAR), 
    checked_by VARCHAR2(36 CHAR), 
    reason_code VARCHAR2(20 CHAR), 
    reason_text VARCHAR2(100 CHAR), 
    device_time TIMESTAMP, 
    received_at TIMESTAMP, 
    flag_note VARCHAR2(100 CHAR), 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_order_exec PRIMARY KEY (id), 
    CONSTRAINT fk_order_exec_checked_by FOREIGN KEY(checked_by) REFERENCES staff (id), 
    CONSTRAINT fk_order_exec_done_by FOREIGN KEY(done_by) REFERENCES staff (id), 
    CONSTRAINT fk_order_exec_order_id FOREIGN KEY(order_id) REFERENCES med_order (id)
)

/

CREATE INDEX ix_order_exec_order_id ON order_exec (order_id)

/

CREATE INDEX ix_order_exec_planned ON order_exec (planned_at, status)

/

CREATE TABLE skin_test (
    id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR), 
    drug_id VARCHAR2(36 CHAR), 
    substance VARCHAR2(60 CHAR) NOT NULL, 
    batch_no VARCHAR2(30 CHAR), 
    result VARCHAR2(8 CHAR), 
    tested_at TIMESTAMP NOT NULL, 
    read_at TIMESTAMP, 
    tested_by VARCHAR2(36 CHAR) NOT NULL, 
    read_by VARCHAR2(36 CHAR), 
    checked_by VARCHAR2(36 CHAR), 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_skin_test PRIMARY KEY (id), 
    CONSTRAINT fk_skin_test_checked_by FOREIGN KEY(checked_by) REFERENCES staff (id), 
    CONSTRAINT fk_skin_test_drug_id FOREIGN KEY(drug_id) REFERENCES drug (id), 
    CONSTRAINT fk_skin_test_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_skin_test_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_skin_test_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_skin_test_read_by FOREIGN KEY(read_by) REFERENCES staff (id), 
    CONSTRAINT fk_skin_test_tested_by FOREIGN KEY(tested_by) REFERENCES staff (id)
)

/

CREATE INDEX ix_skin_test_patient_id ON skin_test (patient_id)

/

INSERT INTO alembic_version (version_num) VALUES ('0001')

/

-- Running upgrade 0001 -> 0002

CREATE TABLE audit_rec (
    id VARCHAR2(36 CHAR) NOT NULL, 
    chain_id VARCHAR2(60 CHAR) NOT NULL, 
    chain_seq NUMBER(19) NOT NULL, 
    at TIMESTAMP NOT NULL, 
    staff_id VARCHAR2(36 CHAR), 
    workstation VARCHAR2(60 CHAR) NOT NULL, 
    action VARCHAR2(20 CHAR) NOT NULL, 
    entity VARCHAR2(20 CHAR) NOT NULL, 
    entity_id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR), 
    before_data CLOB, 
    after_data CLOB, 
    op_id VARCHAR2(36 CHAR), 
    prev_hash VARCHAR2(64 CHAR) NOT NULL, 
    row_hash VARCHAR2(64 CHAR) NOT NULL, 
    CONSTRAINT pk_audit_rec PRIMARY KEY (id), 
    CONSTRAINT fk_audit_rec_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id), 
    CONSTRAINT uq_audit_rec_chain_seq UNIQUE (chain_id, chain_seq)
)

/

CREATE INDEX ix_audit_rec_entity ON audit_rec (entity, entity_id)

/

CREATE INDEX ix_audit_rec_op ON audit_rec (op_id)

/

CREATE INDEX ix_audit_rec_patient ON audit_rec (patient_id)

/

CREATE UNIQUE INDEX uq_encounter_bed_occupant ON encounter ((CASE WHEN (status = 'admitted') THEN bed_id END))

/

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'

/

-- Running upgrade 0002 -> 0003

CREATE TABLE order_group (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    term VARCHAR2(4 CHAR) NOT NULL, 
    route_code VARCHAR2(12 CHAR), 
    freq_code VARCHAR2(10 CHAR), 
    rate VARCHAR2(20 CHAR), 
    first_day_times SMALLINT, 
    start_at TIMESTAMP NOT NULL, 
    stop_at TIMESTAMP, 
    status VARCHAR2(16 CHAR) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_order_group PRIMARY KEY (id), 
    CONSTRAINT fk_order_group_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_order_group_freq_code FOREIGN KEY(freq_code) REFERENCES freq (code), 
    CONSTRAINT fk_order_group_route_code FOREIGN KEY(route_code) REFERENCES route (code)
)

/

CREATE INDEX ix_order_group_encounter_id ON order_group (encounter_id)

/

CREATE TABLE order_override (
    id VARCHAR2(36 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR) NOT NULL, 
    rule VARCHAR2(60 CHAR) NOT NULL, 
    category VARCHAR2(30 CHAR) NOT NULL, 
    severity VARCHAR2(10 CHAR) NOT NULL, 
    message VARCHAR2(200 CHAR), 
    reason VARCHAR2(200 CHAR) NOT NULL, 
    staff_id VARCHAR2(36 CHAR) NOT NULL, 
    at TIMESTAMP NOT NULL, 
    op_id VARCHAR2(36 CHAR), 
    CONSTRAINT pk_order_override PRIMARY KEY (id), 
    CONSTRAINT fk_order_override_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_order_override_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
)

/

CREATE INDEX ix_order_override_order_id ON order_override (order_id)

/

CREATE TABLE order_event (
    id VARCHAR2(36 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR) NOT NULL, 
    from_status VARCHAR2(16 CHAR), 
    to_status VARCHAR2(16 CHAR) NOT NULL, 
    at TIMESTAMP NOT NULL, 
    staff_id VARCHAR2(36 CHAR) NOT NULL, 
    reason VARCHAR2(200 CHAR), 
    op_id VARCHAR2(36 CHAR), 
    device_time TIMESTAMP, 
    CONSTRAINT pk_order_event PRIMARY KEY (id), 
    CONSTRAINT fk_order_event_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_order_event_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
)

/

CREATE INDEX ix_order_event_order_id ON order_event (order_id)

/

CREATE TABLE order_exec_plan (
    id VARCHAR2(36 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR) NOT NULL, 
    planned_at TIMESTAMP NOT NULL, 
    status VARCHAR2(12 CHAR) NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_order_exec_plan PRIMARY KEY (id), 
    CONSTRAINT fk_order_exec_plan_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT uq_order_exec_plan_slot UNIQUE (order_id, planned_at)
)

/

ALTER TABLE applied_op ADD reason VARCHAR2(200 CHAR)

/

ALTER TABLE applied_op ADD received_at TIMESTAMP

/

ALTER TABLE applied_op ADD payload_version SMALLINT

/

INSERT INTO order_group (id, encounter_id, term, route_code, freq_code, rate, first_day_times, start_at, stop_at, status, version, created_at, updated_at) SELECT m.group_id, m.encounter_id, m.term, m.route_code, m.freq_code, m.rate, m.first_day_times, m.start_at, m.stop_at, m.status, 1, m.created_at, m.updated_at FROM med_order m WHERE m.group_id IS NOT NULL AND m.group_seq = (SELECT MIN(m2.group_seq) FROM med_order m2 WHERE m2.group_id = m.group_id)

/

ALTER TABLE med_order ADD use_kind VARCHAR2(10 CHAR) DEFAULT 'regular' NOT NULL

/

ALTER TABLE med_order ADD line_kind VARCHAR2(12 CHAR)

/

ALTER TABLE med_order ADD abx_grade SMALLINT DEFAULT '0' NOT NULL

/

ALTER TABLE med_order ADD approved_at TIMESTAMP

/

ALTER TABLE med_order ADD approved_by VARCHAR2(36 CHAR)

/

ALTER TABLE med_order ADD CONSTRAINT fk_med_order_group_id FOREIGN KEY(group_id) REFERENCES order_group (id)

/

ALTER TABLE med_order ADD CONSTRAINT fk_med_order_approved_by FOREIGN KEY(approved_by) REFERENCES staff (id)

/

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002'

/

-- Running upgrade 0003 -> 0004

CREATE TABLE doc_draft (
    id VARCHAR2(36 CHAR) NOT NULL, 
    doc_id VARCHAR2(36 CHAR) NOT NULL, 
    author_id VARCHAR2(36 CHAR) NOT NULL, 
    body CLOB NOT NULL, 
    base_rev_no INTEGER NOT NULL, 
    saved_at TIMESTAMP NOT NULL, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_doc_draft PRIMARY KEY (id), 
    CONSTRAINT fk_doc_draft_author_id FOREIGN KEY(author_id) REFERENCES staff (id), 
    CONSTRAINT fk_doc_draft_doc_id FOREIGN KEY(doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT uq_doc_draft_slot UNIQUE (doc_id, author_id)
)

/

CREATE TABLE doc_phrase (
    id VARCHAR2(36 CHAR) NOT NULL, 
    staff_id VARCHAR2(36 CHAR) NOT NULL, 
    sort_key INTEGER NOT NULL, 
    text VARCHAR2(200 CHAR) NOT NULL, 
    CONSTRAINT pk_doc_phrase PRIMARY KEY (id), 
    CONSTRAINT fk_doc_phrase_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
)

/

CREATE INDEX ix_doc_phrase_staff_id ON doc_phrase (staff_id)

/

CREATE TABLE consult_req (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    requested_by VARCHAR2(36 CHAR) NOT NULL, 
    to_dept_id VARCHAR2(36 CHAR) NOT NULL, 
    to_staff_id VARCHAR2(36 CHAR), 
    urgent SMALLINT NOT NULL, 
    question VARCHAR2(500 CHAR) NOT NULL, 
    status VARCHAR2(12 CHAR) NOT NULL, 
    requested_at TIMESTAMP NOT NULL, 
    accepted_by VARCHAR2(36 CHAR), 
    accepted_at TIMESTAMP, 
    answered_at TIMESTAMP, 
    doc_id VARCHAR2(36 CHAR), 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_consult_req PRIMARY KEY (id), 
    CONSTRAINT fk_consult_req_accepted_by FOREIGN KEY(accepted_by) REFERENCES staff (id), 
    CONSTRAINT fk_consult_req_doc_id FOREIGN KEY(doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT fk_consult_req_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_consult_req_requested_by FOREIGN KEY(requested_by) REFERENCES staff (id), 
    CONSTRAINT fk_consult_req_to_dept_id FOREIGN KEY(to_dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_consult_req_to_staff_id FOREIGN KEY(to_staff_id) REFERENCES staff (id), 
    CONSTRAINT ck_consult_req_urgent CHECK (urgent IN (0, 1))
)

/

CREATE INDEX ix_consult_req_dept_status ON consult_req (to_dept_id, status)

/

CREATE INDEX ix_consult_req_encounter_id ON consult_req (encounter_id)

/

CREATE TABLE doc_handover (
    id VARCHAR2(36 CHAR) NOT NULL, 
    ward_id VARCHAR2(36 CHAR) NOT NULL, 
    from_staff VARCHAR2(36 CHAR) NOT NULL, 
    to_staff VARCHAR2(36 CHAR), 
    handed_at TIMESTAMP NOT NULL, 
    body CLOB NOT NULL, 
    status VARCHAR2(12 CHAR) NOT NULL, 
    ack_by VARCHAR2(36 CHAR), 
    ack_at TIMESTAMP, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_doc_handover PRIMARY KEY (id), 
    CONSTRAINT fk_doc_handover_ack_by FOREIGN KEY(ack_by) REFERENCES staff (id), 
    CONSTRAINT fk_doc_handover_from_staff FOREIGN KEY(from_staff) REFERENCES staff (id), 
    CONSTRAINT fk_doc_handover_to_staff FOREIGN KEY(to_staff) REFERENCES staff (id), 
    CONSTRAINT fk_doc_handover_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id)
)

/

CREATE INDEX ix_doc_handover_ward_id ON doc_handover (ward_id)

/

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003'

/

-- Running upgrade 0004 -> 0005

ALTER TABLE vital_obs ADD voids VARCHAR2(36 CHAR)

/

ALTER TABLE vital_obs ADD slot_at TIMESTAMP

/

ALTER TABLE vital_obs ADD op_id VARCHAR2(36 CHAR)

/

CREATE UNIQUE INDEX uq_vital_obs_voids ON vital_obs (voids)

/

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004'

/

-- Running upgrade 0005 -> 0006

ALTER TABLE order_exec ADD plan_id VARCHAR2(36 CHAR)

/

ALTER TABLE order_exec ADD voids_id VARCHAR2(36 CHAR)

/

ALTER TABLE order_exec ADD claim_key VARCHAR2(60 CHAR)

/

ALTER TABLE order_exec ADD is_duplicate SMALLINT DEFAULT 0 NOT NULL

/

ALTER TABLE order_exec ADD CONSTRAINT ck_order_exec_is_duplicate CHECK (is_duplicate IN (0, 1))

/

ALTER TABLE order_exec ADD device_id VARCHAR2(60 CHAR)

/

ALTER TABLE order_exec ADD CONSTRAINT fk_order_exec_plan_id FOREIGN KEY(plan_id) REFERENCES order_exec_plan (id)

/

ALTER TABLE order_exec ADD CONSTRAINT fk_order_exec_voids_id FOREIGN KEY(voids_id) REFERENCES order_exec (id)

/

ALTER TABLE order_exec ADD CONSTRAINT uq_order_exec_claim_key UNIQUE (claim_key)

/

ALTER TABLE order_exec ADD CONSTRAINT uq_order_exec_voids_id UNIQUE (voids_id)

/

CREATE INDEX ix_order_exec_plan_id ON order_exec (plan_id)

/

CREATE TABLE pharm_req (
    id VARCHAR2(36 CHAR) NOT NULL, 
    ward_id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR), 
    kind VARCHAR2(8 CHAR) NOT NULL, 
    status VARCHAR2(12 CHAR) NOT NULL, 
    window_from TIMESTAMP NOT NULL, 
    window_to TIMESTAMP NOT NULL, 
    sent_at TIMESTAMP NOT NULL, 
    sent_by VARCHAR2(36 CHAR) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_pharm_req PRIMARY KEY (id), 
    CONSTRAINT fk_pharm_req_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_pharm_req_sent_by FOREIGN KEY(sent_by) REFERENCES staff (id), 
    CONSTRAINT fk_pharm_req_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id)
)

/

CREATE INDEX ix_pharm_req_ward_id ON pharm_req (ward_id)

/

CREATE TABLE pharm_req_line (
    id VARCHAR2(36 CHAR) NOT NULL, 
    req_id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR) NOT NULL, 
    drug_id VARCHAR2(36 CHAR) NOT NULL, 
    doses INTEGER NOT NULL, 
    quantity NUMERIC(12, 2) NOT NULL, 
    unit VARCHAR2(10 CHAR) NOT NULL, 
    CONSTRAINT pk_pharm_req_line PRIMARY KEY (id), 
    CONSTRAINT fk_pharm_req_line_drug_id FOREIGN KEY(drug_id) REFERENCES drug (id), 
    CONSTRAINT fk_pharm_req_line_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_pharm_req_line_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_pharm_req_line_req_id FOREIGN KEY(req_id) REFERENCES pharm_req (id)
)

/

CREATE INDEX ix_pharm_req_line_req_id ON pharm_req_line (req_id)

/

CREATE TABLE pharm_req_item (
    plan_id VARCHAR2(36 CHAR) NOT NULL, 
    kind VARCHAR2(8 CHAR) NOT NULL, 
    line_id VARCHAR2(36 CHAR) NOT NULL, 
    CONSTRAINT pk_pharm_req_item PRIMARY KEY (plan_id, kind), 
    CONSTRAINT fk_pharm_req_item_line_id FOREIGN KEY(line_id) REFERENCES pharm_req_line (id), 
    CONSTRAINT fk_pharm_req_item_plan_id FOREIGN KEY(plan_id) REFERENCES order_exec_plan (id)
)

/

CREATE INDEX ix_pharm_req_item_line_id ON pharm_req_item (line_id)

/

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005'

/

-- Running upgrade 0006 -> 0007

CREATE TABLE change_seq (
    seq NUMBER(19) GENERATED BY DEFAULT AS IDENTITY (START WITH 1), 
    ward_id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR), 
    kind VARCHAR2(20 CHAR) NOT NULL, 
    recorded_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_change_seq PRIMARY KEY (seq)
)

/

CREATE INDEX ix_change_seq_ward_seq ON change_seq (ward_id, seq)

/

CREATE INDEX ix_change_seq_ward_at ON change_seq (ward_id, recorded_at)

/

UPDATE alembic_version SET version_num='0007' WHERE alembic_version.version_num = '0006'

/

-- Running upgrade 0007 -> 0008

CREATE TABLE sheet_print (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    sheet VARCHAR2(8 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR) NOT NULL, 
    what VARCHAR2(8 CHAR) NOT NULL, 
    page_no INTEGER NOT NULL, 
    row_no SMALLINT NOT NULL, 
    span SMALLINT NOT NULL, 
    printed_at TIMESTAMP NOT NULL, 
    printed_by VARCHAR2(36 CHAR), 
    op_id VARCHAR2(36 CHAR), 
    CONSTRAINT pk_sheet_print PRIMARY KEY (id), 
    CONSTRAINT fk_sheet_print_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_sheet_print_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_sheet_print_printed_by FOREIGN KEY(printed_by) REFERENCES staff (id), 
    CONSTRAINT uq_sheet_print_line UNIQUE (encounter_id, sheet, order_id, what)
)

/

CREATE INDEX ix_sheet_print_enc ON sheet_print (encounter_id, sheet)

/

UPDATE alembic_version SET version_num='0008' WHERE alembic_version.version_num = '0007'

/

-- Running upgrade 0008 -> 0009

ALTER TABLE nursing_rec ADD replaces_id VARCHAR2(36 CHAR)

/

ALTER TABLE nursing_rec ADD reason VARCHAR2(200 CHAR)

/

ALTER TABLE nursing_rec ADD op_id VARCHAR2(36 CHAR)

/

CREATE UNIQUE INDEX uq_nursing_rec_replaces ON nursing_rec (replaces_id)

/

UPDATE alembic_version SET version_num='0009' WHERE alembic_version.version_num = '0008'

/

-- Running upgrade 0009 -> 0010

CREATE TABLE consumable (
    id VARCHAR2(36 CHAR) NOT NULL, 
    code VARCHAR2(30 CHAR) NOT NULL, 
    name VARCHAR2(40 CHAR) NOT NULL, 
    spec VARCHAR2(40 CHAR), 
    unit VARCHAR2(10 CHAR) NOT NULL, 
    price NUMERIC(10, 2), 
    is_active SMALLINT NOT NULL, 
    CONSTRAINT pk_consumable PRIMARY KEY (id), 
    CONSTRAINT uq_consumable_code UNIQUE (code), 
    CONSTRAINT ck_consumable_is_active CHECK (is_active IN (0, 1))
)

/

CREATE TABLE cons_rule (
    id VARCHAR2(36 CHAR) NOT NULL, 
    code VARCHAR2(30 CHAR) NOT NULL, 
    route_code VARCHAR2(12 CHAR), 
    category VARCHAR2(12 CHAR), 
    item_id VARCHAR2(36 CHAR), 
    drug_form VARCHAR2(20 CHAR), 
    consumable_id VARCHAR2(36 CHAR) NOT NULL, 
    quantity NUMERIC(8, 2) NOT NULL, 
    per VARCHAR2(8 CHAR) NOT NULL, 
    priority SMALLINT NOT NULL, 
    is_active SMALLINT NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_cons_rule PRIMARY KEY (id), 
    CONSTRAINT fk_cons_rule_route_code FOREIGN KEY(route_code) REFERENCES route (code), 
    CONSTRAINT fk_cons_rule_item_id FOREIGN KEY(item_id) REFERENCES order_item (id), 
    CONSTRAINT fk_cons_rule_consumable_id FOREIGN KEY(consumable_id) REFERENCES consumable (id), 
    CONSTRAINT uq_cons_rule_code UNIQUE (code), 
    CONSTRAINT ck_cons_rule_is_active CHECK (is_active IN (0, 1))
)

/

CREATE TABLE order_cons (
    id VARCHAR2(36 CHAR) NOT NULL, 
    order_id VARCHAR2(36 CHAR) NOT NULL, 
    plan_id VARCHAR2(36 CHAR) NOT NULL, 
    bind_key VARCHAR2(100 CHAR) NOT NULL, 
    rule_id VARCHAR2(36 CHAR), 
    consumable_id VARCHAR2(36 CHAR) NOT NULL, 
    quantity NUMERIC(8, 2) NOT NULL, 
    per VARCHAR2(8 CHAR) NOT NULL, 
    status VARCHAR2(10 CHAR) NOT NULL, 
    added_by VARCHAR2(36 CHAR), 
    add_reason VARCHAR2(100 CHAR), 
    removed_by VARCHAR2(36 CHAR), 
    removed_at TIMESTAMP, 
    remove_reason VARCHAR2(100 CHAR), 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_order_cons PRIMARY KEY (id), 
    CONSTRAINT fk_order_cons_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_order_cons_plan_id FOREIGN KEY(plan_id) REFERENCES order_exec_plan (id), 
    CONSTRAINT fk_order_cons_rule_id FOREIGN KEY(rule_id) REFERENCES cons_rule (id), 
    CONSTRAINT fk_order_cons_consumable_id FOREIGN KEY(consumable_id) REFERENCES consumable (id), 
    CONSTRAINT fk_order_cons_added_by FOREIGN KEY(added_by) REFERENCES staff (id), 
    CONSTRAINT fk_order_cons_removed_by FOREIGN KEY(removed_by) REFERENCES staff (id), 
    CONSTRAINT uq_order_cons_bind_key UNIQUE (bind_key)
)

/

CREATE INDEX ix_order_cons_order_id ON order_cons (order_id)

/

CREATE INDEX ix_order_cons_plan_id ON order_cons (plan_id)

/

CREATE TABLE preq_cons (
    id VARCHAR2(36 CHAR) NOT NULL, 
    req_id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    consumable_id VARCHAR2(36 CHAR) NOT NULL, 
    n_items INTEGER NOT NULL, 
    quantity NUMERIC(12, 2) NOT NULL, 
    unit VARCHAR2(10 CHAR) NOT NULL, 
    CONSTRAINT pk_preq_cons PRIMARY KEY (id), 
    CONSTRAINT fk_preq_cons_req_id FOREIGN KEY(req_id) REFERENCES pharm_req (id), 
    CONSTRAINT fk_preq_cons_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_preq_cons_consumable_id FOREIGN KEY(consumable_id) REFERENCES consumable (id)
)

/

CREATE INDEX ix_preq_cons_req_id ON preq_cons (req_id)

/

CREATE TABLE preq_cons_item (
    bound_id VARCHAR2(36 CHAR) NOT NULL, 
    line_id VARCHAR2(36 CHAR) NOT NULL, 
    CONSTRAINT pk_preq_cons_item PRIMARY KEY (bound_id), 
    CONSTRAINT fk_preq_cons_item_bound_id FOREIGN KEY(bound_id) REFERENCES order_cons (id), 
    CONSTRAINT fk_preq_cons_item_line_id FOREIGN KEY(line_id) REFERENCES preq_cons (id)
)

/

CREATE INDEX ix_preq_cons_item_line_id ON preq_cons_item (line_id)

/

UPDATE alembic_version SET version_num='0010' WHERE alembic_version.version_num = '0009'

/

-- Running upgrade 0010 -> 0011

CREATE TABLE nurse_handover (
    id VARCHAR2(36 CHAR) NOT NULL, 
    ward_id VARCHAR2(36 CHAR) NOT NULL, 
    shift_date DATE NOT NULL, 
    shift_code VARCHAR2(8 CHAR) NOT NULL, 
    shift_start TIMESTAMP NOT NULL, 
    shift_end TIMESTAMP NOT NULL, 
    counts CLOB, 
    notes CLOB NOT NULL, 
    status VARCHAR2(10 CHAR) NOT NULL, 
    drafted_by VARCHAR2(36 CHAR) NOT NULL, 
    handed_by VARCHAR2(36 CHAR), 
    handed_at TIMESTAMP, 
    received_by VARCHAR2(36 CHAR), 
    received_at TIMESTAMP, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_nurse_handover PRIMARY KEY (id), 
    CONSTRAINT fk_nurse_handover_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id), 
    CONSTRAINT fk_nurse_handover_drafted_by FOREIGN KEY(drafted_by) REFERENCES staff (id), 
    CONSTRAINT fk_nurse_handover_handed_by FOREIGN KEY(handed_by) REFERENCES staff (id), 
    CONSTRAINT fk_nurse_handover_received_by FOREIGN KEY(received_by) REFERENCES staff (id), 
    CONSTRAINT uq_nurse_handover_shift UNIQUE (ward_id, shift_date, shift_code)
)

/

UPDATE alembic_version SET version_num='0011' WHERE alembic_version.version_num = '0010'

/

-- Running upgrade 0011 -> 0012

ALTER TABLE doc_template ADD owner_id VARCHAR2(36 CHAR)

/

ALTER TABLE doc_template ADD CONSTRAINT fk_doc_template_owner_id FOREIGN KEY(owner_id) REFERENCES staff (id)

/

CREATE INDEX ix_doc_template_owner_id ON doc_template (owner_id)

/

ALTER TABLE doc_phrase MODIFY text VARCHAR2(500 CHAR)

/

ALTER TABLE doc_phrase ADD version INTEGER DEFAULT '1' NOT NULL

/

UPDATE alembic_version SET version_num='0012' WHERE alembic_version.version_num = '0011'

/

-- Running upgrade 0012 -> 0013

CREATE TABLE crit_value (
    id VARCHAR2(36 CHAR) NOT NULL, 
    encounter_id VARCHAR2(36 CHAR) NOT NULL, 
    lab_result_id VARCHAR2(36 CHAR), 
    source VARCHAR2(20 CHAR) NOT NULL, 
    source_ref VARCHAR2(64 CHAR) NOT NULL, 
    test_code VARCHAR2(12 CHAR), 
    test_name VARCHAR2(60 CHAR) NOT NULL, 
    value_text VARCHAR2(60 CHAR) NOT NULL, 
    unit VARCHAR2(20 CHAR), 
    abnormal VARCHAR2(2 CHAR), 
    reported_at TIMESTAMP NOT NULL, 
    received_at TIMESTAMP NOT NULL, 
    status VARCHAR2(10 CHAR) NOT NULL, 
    ack_by VARCHAR2(36 CHAR), 
    ack_at TIMESTAMP, 
    told_name VARCHAR2(40 CHAR), 
    told_staff_id VARCHAR2(36 CHAR), 
    note_doc_id VARCHAR2(36 CHAR), 
    noted_by VARCHAR2(36 CHAR), 
    noted_at TIMESTAMP, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_crit_value PRIMARY KEY (id), 
    CONSTRAINT fk_crit_value_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_crit_value_lab_result_id FOREIGN KEY(lab_result_id) REFERENCES lab_result (id), 
    CONSTRAINT fk_crit_value_ack_by FOREIGN KEY(ack_by) REFERENCES staff (id), 
    CONSTRAINT fk_crit_value_told_staff_id FOREIGN KEY(told_staff_id) REFERENCES staff (id), 
    CONSTRAINT fk_crit_value_note_doc_id FOREIGN KEY(note_doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT fk_crit_value_noted_by FOREIGN KEY(noted_by) REFERENCES staff (id), 
    CONSTRAINT uq_crit_value_source_ref UNIQUE (source, source_ref)
)

/

CREATE INDEX ix_crit_value_encounter_id ON crit_value (encounter_id)

/

UPDATE alembic_version SET version_num='0013' WHERE alembic_version.version_num = '0012'

/

-- Running upgrade 0013 -> 0014

ALTER TABLE patient ADD health_card VARCHAR2(30 CHAR)

/

CREATE TABLE member_inst (
    id VARCHAR2(36 CHAR) NOT NULL, 
    code VARCHAR2(30 CHAR) NOT NULL, 
    name VARCHAR2(80 CHAR) NOT NULL, 
    inst_level VARCHAR2(10 CHAR) NOT NULL, 
    endpoint VARCHAR2(200 CHAR) NOT NULL, 
    is_active SMALLINT NOT NULL, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_member_inst PRIMARY KEY (id), 
    CONSTRAINT uq_member_inst_code UNIQUE (code), 
    CONSTRAINT ck_member_inst_is_active CHECK (is_active IN (0, 1))
)

/

CREATE TABLE referral (
    id VARCHAR2(36 CHAR) NOT NULL, 
    direction VARCHAR2(4 CHAR) NOT NULL, 
    inbound SMALLINT NOT NULL, 
    encounter_id VARCHAR2(36 CHAR), 
    patient_id VARCHAR2(36 CHAR), 
    inst_id VARCHAR2(36 CHAR) NOT NULL, 
    reason VARCHAR2(200 CHAR) NOT NULL, 
    to_dept VARCHAR2(60 CHAR) NOT NULL, 
    dept_id VARCHAR2(36 CHAR), 
    status VARCHAR2(10 CHAR) NOT NULL, 
    reject_reason VARCHAR2(200 CHAR), 
    bundle_ident VARCHAR2(64 CHAR) NOT NULL, 
    patient_name VARCHAR2(40 CHAR), 
    summary CLOB, 
    created_by VARCHAR2(36 CHAR), 
    sent_by VARCHAR2(36 CHAR), 
    sent_at TIMESTAMP, 
    answered_by VARCHAR2(36 CHAR), 
    answered_at TIMESTAMP, 
    completed_at TIMESTAMP, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_referral PRIMARY KEY (id), 
    CONSTRAINT fk_referral_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_referral_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_referral_inst_id FOREIGN KEY(inst_id) REFERENCES member_inst (id), 
    CONSTRAINT fk_referral_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_referral_created_by FOREIGN KEY(created_by) REFERENCES staff (id), 
    CONSTRAINT fk_referral_sent_by FOREIGN KEY(sent_by) REFERENCES staff (id), 
    CONSTRAINT fk_referral_answered_by FOREIGN KEY(answered_by) REFERENCES staff (id), 
    CONSTRAINT uq_referral_bundle_ident UNIQUE (bundle_ident), 
    CONSTRAINT ck_referral_inbound CHECK (inbound IN (0, 1))
)

/

CREATE INDEX ix_referral_encounter_id ON referral (encounter_id)

/

CREATE INDEX ix_referral_dept_status ON referral (dept_id, status)

/

CREATE TABLE exchange_out (
    id VARCHAR2(36 CHAR) NOT NULL, 
    kind VARCHAR2(16 CHAR) NOT NULL, 
    bundle_ident VARCHAR2(64 CHAR) NOT NULL, 
    referral_id VARCHAR2(36 CHAR), 
    inst_id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR), 
    payload CLOB NOT NULL, 
    state VARCHAR2(8 CHAR) NOT NULL, 
    attempts INTEGER NOT NULL, 
    next_try_at TIMESTAMP NOT NULL, 
    last_status SMALLINT, 
    last_error VARCHAR2(400 CHAR), 
    remote_ref VARCHAR2(200 CHAR), 
    queued_at TIMESTAMP NOT NULL, 
    sent_at TIMESTAMP, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_exchange_out PRIMARY KEY (id), 
    CONSTRAINT fk_exchange_out_referral_id FOREIGN KEY(referral_id) REFERENCES referral (id), 
    CONSTRAINT fk_exchange_out_inst_id FOREIGN KEY(inst_id) REFERENCES member_inst (id), 
    CONSTRAINT fk_exchange_out_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT uq_exchange_out_bundle_ident UNIQUE (bundle_ident)
)

/

CREATE INDEX ix_exchange_out_referral_id ON exchange_out (referral_id)

/

CREATE INDEX ix_exchange_out_due ON exchange_out (state, next_try_at)

/

UPDATE alembic_version SET version_num='0014' WHERE alembic_version.version_num = '0013'

/

-- Running upgrade 0014 -> 0015

ALTER TABLE order_item ADD loinc VARCHAR2(20 CHAR)

/

CREATE TABLE ext_result (
    id VARCHAR2(36 CHAR) NOT NULL, 
    patient_id VARCHAR2(36 CHAR) NOT NULL, 
    inst_code VARCHAR2(30 CHAR) NOT NULL, 
    inst_name VARCHAR2(80 CHAR) NOT NULL, 
    source_ref VARCHAR2(200 CHAR) NOT NULL, 
    kind VARCHAR2(8 CHAR) NOT NULL, 
    code_system VARCHAR2(100 CHAR), 
    code VARCHAR2(40 CHAR), 
    loinc VARCHAR2(20 CHAR), 
    name VARCHAR2(80 CHAR) NOT NULL, 
    items CLOB, 
    conclusion VARCHAR2(1000 CHAR), 
    effective_at TIMESTAMP NOT NULL, 
    issued_at TIMESTAMP, 
    fetched_at TIMESTAMP NOT NULL, 
    status VARCHAR2(10 CHAR) NOT NULL, 
    recognised_by VARCHAR2(36 CHAR), 
    recognised_at TIMESTAMP, 
    version INTEGER NOT NULL, 
    created_at TIMESTAMP NOT NULL, 
    updated_at TIMESTAMP NOT NULL, 
    CONSTRAINT pk_ext_result PRIMARY KEY (id), 
    CONSTRAINT fk_ext_result_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_ext_result_recognised_by FOREIGN KEY(recognised_by) REFERENCES staff (id), 
    CONSTRAINT uq_ext_result_source UNIQUE (inst_code, source_ref)
)

/

CREATE INDEX ix_ext_result_patient ON ext_result (patient_id, effective_at)

/

UPDATE alembic_version SET version_num='0015' WHERE alembic_version.version_num = '0014'

/

COMMIT

/
